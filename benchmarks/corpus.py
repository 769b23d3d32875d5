"""Deterministic synthetic corpus of political news articles for benchmarks.

``build_corpus(n, seed)`` returns ``n`` article dicts ``{id, title, date, text}``
assembled from the sentence templates in this module.  Slot fillers are real
countries, capitals, regions, seas and international organisations; every
person, quotation and think tank is invented.  The output depends only on
``n`` and ``seed`` (one ``random.Random(seed)`` drives all choices), so a
benchmark can run spaCy and redline over exactly the same texts.

Usage::

    python3 benchmarks/corpus.py [OUT.jsonl]     # default benchmarks/corpus.jsonl

Standard library only.
"""

import datetime
import json
import os
import random
import re
import string
import sys

# ---------------------------------------------------------------------------
# Invented person names, grouped by naming tradition.
# ---------------------------------------------------------------------------

NAMES = {
    "en": ["James Whitfield", "Sarah Collins", "Michael Grant", "Emily Hughes",
           "David Morrison", "Laura Bennett", "Robert Fletcher", "Helen Carter",
           "Thomas Holloway", "Rachel Sutton", "Andrew Palmer", "Karen Doyle"],
    "fr": ["Jean-Marc Lefebvre", "Claire Moreau", "Philippe Girard", "Sophie Fontaine",
           "Olivier Rousseau", "Camille Chevalier", "Laurent Durand", "Elise Bertrand",
           "Nicolas Garnier", "Isabelle Roux"],
    "de": ["Markus Schneider", "Katrin Hoffmann", "Stefan Becker", "Anja Krause",
           "Jens Richter", "Ulrike Vogel", "Tobias Lehmann", "Heike Brandt",
           "Florian Keller", "Sabine Wolff"],
    "ru": ["Sergei Volkov", "Olga Petrova", "Dmitry Orlov", "Irina Sokolova",
           "Alexei Morozov", "Natalia Belova", "Mikhail Zaitsev", "Yelena Kuznetsova",
           "Andrei Lebedev", "Pavel Gromov"],
    "uk": ["Oleksandr Tkachuk", "Iryna Bondarenko", "Mykola Hrytsenko", "Olena Savchuk",
           "Taras Lytvyn", "Yulia Moroz", "Serhiy Dovzhenko", "Natalia Kravets",
           "Dmytro Oliynyk", "Viktoria Humeniuk"],
    "pl": ["Tomasz Nowicki", "Agnieszka Wrobel", "Piotr Zielinski", "Magdalena Kaczmarek",
           "Krzysztof Sadowski", "Joanna Pawlak", "Marek Wieczorek", "Ewa Jablonska"],
    "lt": ["Tomas Kazlauskas", "Ruta Petrauskiene", "Mindaugas Jankauskas",
           "Egle Vaitkute", "Darius Paulauskas", "Ieva Zukauskaite"],
    "ro": ["Ion Ciobanu", "Maria Rusu", "Vasile Munteanu", "Elena Lupu",
           "Andrei Cojocaru", "Natalia Ceban"],
    "sr": ["Milan Petrovic", "Jelena Markovic", "Dragan Nikolic", "Ivana Jovanovic",
           "Nenad Ilic", "Marija Stojanovic"],
    "sq": ["Arben Krasniqi", "Drita Berisha", "Besnik Gashi", "Lirije Hoxha",
           "Fatmir Shala", "Arta Morina"],
    "hu": ["Gabor Horvath", "Eszter Nagy", "Laszlo Kovacs", "Zsofia Toth",
           "Peter Szabo", "Katalin Varga"],
    "tr": ["Mehmet Yildiz", "Ayse Kaya", "Mustafa Demir", "Zeynep Arslan",
           "Emre Celik", "Elif Sahin", "Kemal Aydin", "Selin Ozturk"],
    "el": ["Nikos Papadakis", "Eleni Georgiou", "Giorgos Antonopoulos",
           "Maria Konstantinou", "Dimitris Karalis", "Sofia Vlachou"],
    "ka": ["Giorgi Beridze", "Nino Kapanadze", "Levan Gelashvili", "Tamar Lomidze",
           "David Kiknadze", "Ana Tsiklauri"],
    "hy": ["Armen Hakobyan", "Anna Grigoryan", "Tigran Avetisyan", "Lilit Harutyunyan",
           "Gevorg Mkrtchyan", "Narine Petrosyan", "Ashot Karapetyan"],
    "az": ["Elnur Mammadov", "Leyla Huseynova", "Rashad Guliyev", "Aynur Hasanova",
           "Farid Ismayilov", "Gunel Abbasova", "Vugar Rzayev"],
    "he": ["Avi Cohen", "Noa Levi", "Yossi Mizrahi", "Tamar Peretz", "Eitan Friedman",
           "Michal Ben-David", "Oren Shapira"],
    "ar": ["Khalid al-Mansouri", "Fatima Haddad", "Omar Khalil", "Layla Nasser",
           "Youssef Barakat", "Hana Saleh", "Samir Aziz", "Rania Farouk", "Nabil Darwish",
           "Mona Fathi", "Hassan al-Zubaidi", "Amal Qasim", "Walid Mansour"],
    "fa": ["Ali Rezaei", "Maryam Hosseini", "Hossein Karimi", "Zahra Moradi",
           "Reza Jafari", "Fatemeh Sadeghi", "Mehdi Ahmadi", "Narges Ebrahimi"],
    "wa": ["Amadou Keita", "Fatoumata Diarra", "Ibrahim Coulibaly", "Aminata Sangare",
           "Oumar Sidibe", "Mariam Ouedraogo", "Seydou Kone", "Awa Diallo",
           "Boubacar Sow", "Hawa Toure"],
    "ng": ["Chukwuemeka Okafor", "Ngozi Adeyemi", "Abdullahi Bello", "Aisha Yusuf",
           "Olumide Adebayo", "Fatima Abubakar", "Emeka Nwosu", "Halima Musa"],
    "et": ["Abebe Tadesse", "Meron Haile", "Dawit Bekele", "Selamawit Girma",
           "Yonas Alemu", "Hirut Kebede"],
    "sw": ["Kamau Mwangi", "Wanjiru Njoroge", "Otieno Ouma", "Achieng Odhiambo",
           "Kiprono Kiptoo", "Nyambura Wairimu"],
    "so": ["Abdirahman Farah", "Hodan Warsame", "Ahmed Jama", "Sahra Yusuf",
           "Hassan Nur", "Amina Osman"],
    "ss": ["Deng Majok", "Nyandeng Garang", "Peter Lual", "Achol Deng", "James Wani"],
    "cg": ["Jean-Pierre Mbala", "Chantal Mukendi", "Patrick Ilunga", "Esther Ngalula",
           "Emmanuel Habimana", "Claudine Uwase", "Eric Nsengimana", "Grace Mutesi"],
    "za": ["Thabo Mokoena", "Nomsa Dlamini", "Sipho Ndlovu", "Lindiwe Khumalo",
           "Pieter van der Merwe", "Zanele Mahlangu"],
    "zh": ["Li Wei", "Wang Fang", "Zhang Jun", "Liu Yang", "Chen Hao", "Zhao Min",
           "Sun Lei", "Zhou Ying"],
    "tw": ["Lin Chih-hao", "Chen Yi-ting", "Huang Chun-ming", "Wu Pei-shan",
           "Hsu Wen-chieh", "Lee Hui-ling"],
    "ja": ["Kenji Tanaka", "Yuko Sato", "Hiroshi Nakamura", "Akiko Suzuki",
           "Takeshi Yamamoto", "Naomi Kobayashi"],
    "ko": ["Kim Min-jun", "Lee Ji-young", "Park Sung-ho", "Choi Eun-ji",
           "Jung Dong-hyun", "Kang Soo-jin"],
    "kp": ["Ri Chol-ho", "Kim Song-il", "Pak Myong-su", "Choe Kum-hui", "O Yong-chol"],
    "hi": ["Rajesh Sharma", "Priya Menon", "Anil Deshpande", "Sunita Rao",
           "Vikram Iyer", "Kavita Joshi", "Arjun Mehta", "Neha Bhatt"],
    "ur": ["Faisal Siddiqui", "Ayesha Rehman", "Tariq Javed", "Sana Mirza",
           "Usman Chaudhry", "Nadia Hussain"],
    "ps": ["Ahmad Noori", "Zarghuna Rahimi", "Abdul Wahid Sultani",
           "Mohammad Yasin Karimzai", "Farhad Azizi", "Gul Ahmad Safi"],
    "tl": ["Jose Reyes", "Maria Santos", "Antonio Cruz", "Rosario Villanueva",
           "Ramon Dela Cruz", "Teresa Bautista"],
    "vi": ["Nguyen Van Thanh", "Tran Thi Lan", "Le Minh Duc", "Pham Thu Ha",
           "Hoang Quoc Viet", "Vu Thi Mai"],
    "my": ["Kyaw Min Oo", "Khin Mar Aye", "Aung Naing Soe", "Thida Win", "Zaw Htet Lin"],
    "th": ["Somchai Wongsakul", "Suda Chaiyaporn", "Anan Srisuk", "Pranee Thongdee",
           "Kittisak Boonmee"],
    "id": ["Budi Santoso", "Siti Rahmawati", "Agus Wijaya", "Dewi Kusuma",
           "Hendra Gunawan", "Rina Hartono"],
    "bn": ["Abdul Karim", "Nasrin Akter", "Rafiqul Islam", "Shirin Sultana",
           "Mahbub Alam", "Farzana Haque"],
    "es": ["Carlos Mendoza", "Ana Gutierrez", "Luis Herrera", "Maria Fernanda Rojas",
           "Jorge Salazar", "Gabriela Ortiz", "Diego Castillo", "Valentina Rios"],
    "pt": ["Joao Carvalho", "Mariana Souza", "Paulo Ribeiro", "Fernanda Almeida",
           "Ricardo Pereira", "Luciana Costa"],
    "ht": ["Jean-Robert Pierre", "Marie-Claude Joseph", "Frantz Etienne", "Nadege Louis"],
    "fi": ["Mikko Virtanen", "Anna Korhonen", "Jukka Nieminen", "Laura Makinen"],
    "no": ["Erik Johansen", "Ingrid Haugen", "Lars Berg", "Kari Lunde", "Henrik Dahl"],
    "kk": ["Nurlan Abenov", "Aigerim Sadykova", "Yerlan Tokayev", "Dana Zhumabayeva"],
    "sg": ["Tan Wei Ming", "Lim Hui Min", "Goh Chee Keong", "Ng Li Ting"],
}

# ---------------------------------------------------------------------------
# Real countries: (name as used mid-sentence, adjective, capital, places,
# naming tradition, cluster).
# ---------------------------------------------------------------------------

COUNTRIES = [
    # Europe, Caucasus and Turkey
    ("the United States", "US", "Washington", ["New York", "Norfolk", "San Diego", "Alaska", "Guam"], "en", "global"),
    ("Russia", "Russian", "Moscow", ["Belgorod", "Kursk", "Rostov-on-Don", "Kaliningrad", "Pskov", "Smolensk"], "ru", "europe"),
    ("Ukraine", "Ukrainian", "Kyiv", ["Kharkiv", "Odesa", "the Donetsk region", "Zaporizhzhia", "Dnipro", "Lviv", "Kherson"], "uk", "europe"),
    ("Poland", "Polish", "Warsaw", ["Gdansk", "Rzeszow", "Lublin", "Bialystok"], "pl", "europe"),
    ("Germany", "German", "Berlin", ["Bavaria", "Hamburg", "Saxony", "Munich"], "de", "europe"),
    ("France", "French", "Paris", ["Marseille", "Lyon", "Brittany", "Toulon"], "fr", "europe"),
    ("the United Kingdom", "British", "London", ["Scotland", "Northern Ireland", "Portsmouth", "Manchester"], "en", "europe"),
    ("Belarus", "Belarusian", "Minsk", ["Brest", "Grodno", "Gomel", "Vitebsk"], "ru", "europe"),
    ("Lithuania", "Lithuanian", "Vilnius", ["Kaunas", "Klaipeda", "Siauliai"], "lt", "europe"),
    ("Moldova", "Moldovan", "Chisinau", ["Transnistria", "Balti", "Gagauzia"], "ro", "europe"),
    ("Serbia", "Serbian", "Belgrade", ["Novi Sad", "Nis", "Vojvodina"], "sr", "europe"),
    ("Kosovo", "Kosovan", "Pristina", ["Mitrovica", "Zvecan", "Prizren"], "sq", "europe"),
    ("Hungary", "Hungarian", "Budapest", ["Debrecen", "Szeged", "Pecs"], "hu", "europe"),
    ("Turkey", "Turkish", "Ankara", ["Istanbul", "Gaziantep", "Hatay province", "Izmir", "Diyarbakir"], "tr", "europe"),
    ("Greece", "Greek", "Athens", ["Thessaloniki", "the Evros region", "Crete", "Lesbos"], "el", "europe"),
    ("Georgia", "Georgian", "Tbilisi", ["Batumi", "Kutaisi", "Samegrelo"], "ka", "caucasus"),
    ("Armenia", "Armenian", "Yerevan", ["Syunik province", "Gyumri", "Jermuk", "Goris"], "hy", "caucasus"),
    ("Azerbaijan", "Azerbaijani", "Baku", ["Ganja", "Lachin", "Kalbajar", "Nakhchivan"], "az", "caucasus"),
    # Middle East and North Africa
    ("Israel", "Israeli", "Jerusalem", ["Tel Aviv", "Haifa", "the Negev", "Ashkelon"], "he", "mideast"),
    ("Iran", "Iranian", "Tehran", ["Isfahan", "Tabriz", "Khuzestan province", "Bandar Abbas", "Mashhad"], "fa", "mideast"),
    ("Iraq", "Iraqi", "Baghdad", ["Basra", "Mosul", "Erbil", "Kirkuk", "Anbar province"], "ar", "mideast"),
    ("Syria", "Syrian", "Damascus", ["Aleppo", "Idlib province", "Deir ez-Zor", "Homs", "Latakia"], "ar", "mideast"),
    ("Lebanon", "Lebanese", "Beirut", ["Sidon", "Tyre", "the Bekaa Valley"], "ar", "mideast"),
    ("Jordan", "Jordanian", "Amman", ["Aqaba", "Irbid", "Zarqa"], "ar", "mideast"),
    ("Saudi Arabia", "Saudi", "Riyadh", ["Jeddah", "Dhahran", "Jazan"], "ar", "mideast"),
    ("Yemen", "Yemeni", "Sanaa", ["Aden", "Hodeidah", "Marib", "Taiz"], "ar", "mideast"),
    ("Egypt", "Egyptian", "Cairo", ["Alexandria", "the Sinai Peninsula", "Port Said", "Aswan"], "ar", "mideast"),
    ("the United Arab Emirates", "Emirati", "Abu Dhabi", ["Dubai", "Sharjah", "Fujairah"], "ar", "mideast"),
    ("Libya", "Libyan", "Tripoli", ["Benghazi", "Misrata", "Sirte", "the Fezzan region"], "ar", "mideast"),
    ("Algeria", "Algerian", "Algiers", ["Oran", "Constantine", "Tamanrasset"], "ar", "africa_w"),
    ("Morocco", "Moroccan", "Rabat", ["Casablanca", "Tangier", "Marrakesh"], "ar", "africa_w"),
    # Sub-Saharan Africa
    ("Mali", "Malian", "Bamako", ["Gao", "Timbuktu", "Kidal", "Mopti", "Menaka"], "wa", "africa_w"),
    ("Niger", "Nigerien", "Niamey", ["Agadez", "Tillaberi", "Diffa", "Zinder"], "wa", "africa_w"),
    ("Burkina Faso", "Burkinabe", "Ouagadougou", ["Bobo-Dioulasso", "Djibo", "Fada N'Gourma"], "wa", "africa_w"),
    ("Senegal", "Senegalese", "Dakar", ["Ziguinchor", "the Casamance region", "Saint-Louis"], "wa", "africa_w"),
    ("Nigeria", "Nigerian", "Abuja", ["Lagos", "Kano", "Borno state", "Maiduguri", "Port Harcourt"], "ng", "africa_w"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", ["Tigray", "the Amhara region", "Mekelle", "Oromia", "Gondar"], "et", "africa_e"),
    ("Sudan", "Sudanese", "Khartoum", ["Darfur", "Omdurman", "Port Sudan", "El Fasher", "Kordofan"], "ar", "africa_e"),
    ("South Sudan", "South Sudanese", "Juba", ["Malakal", "Bor", "Upper Nile state"], "ss", "africa_e"),
    ("Somalia", "Somali", "Mogadishu", ["Kismayo", "Baidoa", "Puntland", "Jubaland"], "so", "africa_e"),
    ("Kenya", "Kenyan", "Nairobi", ["Mombasa", "Kisumu", "Garissa", "Lamu"], "sw", "africa_e"),
    ("the Democratic Republic of the Congo", "Congolese", "Kinshasa", ["Goma", "North Kivu", "Ituri province", "Bukavu", "Lubumbashi"], "cg", "africa_e"),
    ("Rwanda", "Rwandan", "Kigali", ["Gisenyi", "Huye", "Musanze"], "cg", "africa_e"),
    ("South Africa", "South African", "Pretoria", ["Johannesburg", "Cape Town", "Durban"], "za", "africa_e"),
    # Asia
    ("China", "Chinese", "Beijing", ["Shanghai", "Fujian province", "Xinjiang", "Guangdong", "Hainan"], "zh", "asia"),
    ("Taiwan", "Taiwanese", "Taipei", ["Kaohsiung", "Kinmen", "Penghu", "Taichung"], "tw", "asia"),
    ("Japan", "Japanese", "Tokyo", ["Okinawa", "Osaka", "Hokkaido", "Nagasaki"], "ja", "asia"),
    ("South Korea", "South Korean", "Seoul", ["Busan", "Incheon", "Gangwon province"], "ko", "asia"),
    ("North Korea", "North Korean", "Pyongyang", ["Kaesong", "Wonsan", "Sinuiju"], "kp", "asia"),
    ("the Philippines", "Philippine", "Manila", ["Mindanao", "Palawan", "Cebu", "Luzon"], "tl", "asia"),
    ("Vietnam", "Vietnamese", "Hanoi", ["Ho Chi Minh City", "Da Nang", "Haiphong"], "vi", "asia"),
    ("Myanmar", "Myanmar", "Naypyitaw", ["Yangon", "Mandalay", "Rakhine state", "Shan state", "Kachin state"], "my", "asia"),
    ("Thailand", "Thai", "Bangkok", ["Chiang Mai", "Pattani", "Phuket"], "th", "asia"),
    ("Indonesia", "Indonesian", "Jakarta", ["Papua", "Aceh", "Surabaya"], "id", "asia"),
    ("India", "Indian", "New Delhi", ["Mumbai", "Kashmir", "Ladakh", "Arunachal Pradesh", "Punjab"], "hi", "south_asia"),
    ("Pakistan", "Pakistani", "Islamabad", ["Karachi", "Lahore", "Peshawar", "Balochistan", "Khyber Pakhtunkhwa"], "ur", "south_asia"),
    ("Afghanistan", "Afghan", "Kabul", ["Kandahar", "Herat", "Mazar-i-Sharif", "Helmand province"], "ps", "south_asia"),
    ("Bangladesh", "Bangladeshi", "Dhaka", ["Chittagong", "Cox's Bazar", "Sylhet"], "bn", "south_asia"),
    # Americas
    ("Venezuela", "Venezuelan", "Caracas", ["Maracaibo", "Zulia state", "Tachira state"], "es", "americas"),
    ("Colombia", "Colombian", "Bogota", ["Medellin", "Cali", "Cucuta", "Cauca department"], "es", "americas"),
    ("Brazil", "Brazilian", "Brasilia", ["Sao Paulo", "Rio de Janeiro", "Amazonas state"], "pt", "americas"),
    ("Mexico", "Mexican", "Mexico City", ["Tijuana", "Sinaloa", "Chihuahua", "Monterrey"], "es", "americas"),
    ("Cuba", "Cuban", "Havana", ["Santiago de Cuba", "Camaguey"], "es", "americas"),
    ("Haiti", "Haitian", "Port-au-Prince", ["Cap-Haitien", "Gonaives"], "ht", "americas"),
    ("Nicaragua", "Nicaraguan", "Managua", ["Bluefields", "Leon", "Matagalpa"], "es", "americas"),
    ("Argentina", "Argentine", "Buenos Aires", ["Cordoba", "Rosario", "Patagonia"], "es", "americas"),
    ("Canada", "Canadian", "Ottawa", ["Toronto", "Montreal", "Vancouver"], "en", "americas"),
]

COUNTRY = {c[0]: c for c in COUNTRIES}
GLOBAL_POWERS = ["the United States", "Russia", "China", "France", "the United Kingdom",
                 "Germany", "Turkey", "Japan", "India"]
CLUSTER_OF = {"caucasus": "europe", "south_asia": "asia"}  # for seas/orgs/mediators

# Pairs of countries with a record of friction or negotiation, so that the
# synthetic stories look plausible (either side may play A).
DYADS = [
    ("Russia", "Ukraine"), ("Russia", "Poland"), ("Russia", "Lithuania"), ("Belarus", "Poland"),
    ("Belarus", "Lithuania"), ("Russia", "Moldova"), ("Russia", "Georgia"), ("Serbia", "Kosovo"),
    ("Greece", "Turkey"), ("Hungary", "Ukraine"), ("Armenia", "Azerbaijan"), ("Russia", "Germany"),
    ("Russia", "the United Kingdom"), ("the United States", "Russia"), ("France", "Turkey"),
    ("Israel", "Iran"), ("Israel", "Lebanon"), ("Israel", "Syria"), ("Saudi Arabia", "Iran"),
    ("Saudi Arabia", "Yemen"), ("the United Arab Emirates", "Iran"), ("Turkey", "Syria"),
    ("Turkey", "Iraq"), ("Iran", "Iraq"), ("the United States", "Iran"), ("Egypt", "Ethiopia"),
    ("Egypt", "Libya"), ("Jordan", "Syria"),
    ("Sudan", "South Sudan"), ("Ethiopia", "Sudan"), ("Somalia", "Ethiopia"), ("Kenya", "Somalia"),
    ("the Democratic Republic of the Congo", "Rwanda"), ("France", "Mali"), ("France", "Niger"),
    ("Algeria", "Mali"), ("Algeria", "Morocco"), ("Nigeria", "Niger"), ("Mali", "Burkina Faso"),
    ("Senegal", "Mali"),
    ("the United States", "China"), ("China", "Taiwan"), ("China", "Japan"), ("China", "the Philippines"),
    ("China", "Vietnam"), ("China", "India"), ("India", "Pakistan"), ("Pakistan", "Afghanistan"),
    ("North Korea", "South Korea"), ("North Korea", "Japan"), ("the United States", "North Korea"),
    ("Japan", "South Korea"), ("Myanmar", "Bangladesh"), ("Thailand", "Myanmar"), ("China", "Indonesia"),
    ("Venezuela", "Colombia"), ("the United States", "Venezuela"), ("the United States", "Cuba"),
    ("the United States", "Mexico"), ("the United States", "Nicaragua"), ("Brazil", "Venezuela"),
    ("Argentina", "the United Kingdom"), ("Canada", "China"), ("Canada", "India"),
]
DONORS = ["the United States", "the United Kingdom", "Germany", "France", "Japan", "Saudi Arabia",
          "the United Arab Emirates", "Turkey", "China", "Canada", "South Korea", "India"]
AID_RECIPIENTS = ["Ukraine", "Syria", "Yemen", "Sudan", "South Sudan", "Somalia", "Afghanistan",
                  "Haiti", "Myanmar", "Bangladesh", "Lebanon", "the Democratic Republic of the Congo",
                  "Ethiopia", "Niger", "Mali", "Burkina Faso", "Libya", "Jordan", "Moldova", "Pakistan"]

SEAS = {
    "europe": ["Black Sea", "Baltic Sea", "Mediterranean", "Sea of Azov", "Aegean Sea", "Caspian Sea"],
    "mideast": ["Red Sea", "Persian Gulf", "Gulf of Aden", "Strait of Hormuz", "eastern Mediterranean"],
    "africa_w": ["Gulf of Guinea", "Mediterranean", "Atlantic"],
    "africa_e": ["Red Sea", "Indian Ocean", "Gulf of Aden"],
    "asia": ["South China Sea", "Taiwan Strait", "East China Sea", "Sea of Japan", "Yellow Sea",
             "Bay of Bengal", "Arabian Sea", "Andaman Sea"],
    "americas": ["Caribbean", "Gulf of Mexico", "South Atlantic", "eastern Pacific"],
}

# (country, adjective, city where talks are hosted, naming tradition)
MEDIATORS = {
    "europe": [("Switzerland", "Swiss", "Geneva", "fr"), ("Austria", "Austrian", "Vienna", "de"),
               ("Turkey", "Turkish", "Istanbul", "tr"), ("Finland", "Finnish", "Helsinki", "fi"),
               ("Norway", "Norwegian", "Oslo", "no"), ("Kazakhstan", "Kazakh", "Astana", "kk")],
    "mideast": [("Qatar", "Qatari", "Doha", "ar"), ("Oman", "Omani", "Muscat", "ar"),
                ("Egypt", "Egyptian", "Cairo", "ar"), ("Switzerland", "Swiss", "Geneva", "fr"),
                ("Jordan", "Jordanian", "Amman", "ar")],
    "africa_w": [("Togo", "Togolese", "Lome", "wa"), ("Ghana", "Ghanaian", "Accra", "ng"),
                 ("Algeria", "Algerian", "Algiers", "ar"), ("Qatar", "Qatari", "Doha", "ar"),
                 ("Senegal", "Senegalese", "Dakar", "wa")],
    "africa_e": [("Kenya", "Kenyan", "Nairobi", "sw"), ("South Africa", "South African", "Pretoria", "za"),
                 ("Qatar", "Qatari", "Doha", "ar"), ("Saudi Arabia", "Saudi", "Jeddah", "ar"),
                 ("Ethiopia", "Ethiopian", "Addis Ababa", "et"), ("Angola", "Angolan", "Luanda", "pt")],
    "asia": [("Singapore", "Singaporean", "Singapore", "sg"), ("Indonesia", "Indonesian", "Jakarta", "id"),
             ("Qatar", "Qatari", "Doha", "ar"), ("Malaysia", "Malaysian", "Kuala Lumpur", "id"),
             ("Switzerland", "Swiss", "Geneva", "fr")],
    "americas": [("Norway", "Norwegian", "Oslo", "no"), ("Mexico", "Mexican", "Mexico City", "es"),
                 ("Brazil", "Brazilian", "Brasilia", "pt"), ("Cuba", "Cuban", "Havana", "es")],
}

# (name used after "the", short form, headquarters, title before an official's
# name, naming traditions its officials are drawn from)
ORGS = {
    "un": ("United Nations", "UN", "New York", "UN special envoy", ['en', 'fr', 'de', 'es', 'ar', 'sw', 'no', 'hi', 'pt']),
    "eu": ("European Union", "EU", "Brussels", "EU special representative", ['de', 'fr', 'pl', 'el', 'fi', 'en']),
    "osce": ("Organization for Security and Co-operation in Europe", "OSCE", "Vienna", "OSCE envoy", ['de', 'fr', 'fi', 'no']),
    "nato": ("North Atlantic Treaty Organization", "NATO", "Brussels", "NATO deputy spokesperson", ['en', 'no', 'de', 'pl']),
    "au": ("African Union", "AU", "Addis Ababa", "AU envoy", ['et', 'sw', 'za', 'ng', 'wa']),
    "ecowas": ("Economic Community of West African States", "ECOWAS", "Abuja", "ECOWAS mediator", ['ng', 'wa']),
    "igad": ("Intergovernmental Authority on Development", "IGAD", "Djibouti", "IGAD special envoy", ['et', 'sw', 'so']),
    "asean": ("Association of Southeast Asian Nations", "ASEAN", "Jakarta", "ASEAN special envoy", ['id', 'th', 'tl', 'vi', 'sg']),
    "arab": ("Arab League", "Arab League", "Cairo", "Arab League envoy", ['ar']),
    "gcc": ("Gulf Cooperation Council", "GCC", "Riyadh", "GCC envoy", ['ar']),
    "oas": ("Organization of American States", "OAS", "Washington", "OAS envoy", ['es', 'pt', 'en']),
}
ORGS_BY_CLUSTER = {
    "europe": ["un", "eu", "osce", "nato"],
    "mideast": ["un", "arab", "gcc", "eu"],
    "africa_w": ["un", "au", "ecowas"],
    "africa_e": ["un", "au", "igad"],
    "asia": ["un", "asean"],
    "americas": ["un", "oas"],
}
AID_ORGS = ["World Food Programme", "International Committee of the Red Cross",
            "UN refugee agency", "UN children's agency", "International Organization for Migration",
            "UN Office for the Coordination of Humanitarian Affairs"]

THINK_TANK_WORDS = ["Meridian", "Northbridge", "Halcyon", "Ashgrove", "Castellan", "Larkspur",
                    "Westmere", "Aldwych", "Crescent", "Keystone", "Harbourside", "Lodestar"]
THINK_TANK_FIELDS = ["Strategic Studies", "Security Policy", "International Affairs",
                     "Conflict Research", "Peace and Security", "Regional Studies",
                     "Defence Analysis", "Diplomacy and Governance"]
THINK_TANK_CITIES = [("London", "en"), ("Washington", "en"), ("Berlin", "de"), ("Paris", "fr"),
                     ("Brussels", "fr"), ("Geneva", "fr"), ("Warsaw", "pl"), ("Singapore", "sg"),
                     ("Tokyo", "ja"), ("Seoul", "ko"), ("New Delhi", "hi"), ("Nairobi", "sw"),
                     ("Dakar", "wa"), ("Johannesburg", "za"), ("Cairo", "ar"), ("Beirut", "ar"),
                     ("Doha", "ar"), ("Istanbul", "tr"), ("Bogota", "es"), ("Mexico City", "es"),
                     ("Sao Paulo", "pt"), ("Tbilisi", "ka"), ("Kyiv", "uk"), ("Tel Aviv", "he")]
THINK_TANK_CITY_BY_CLUSTER = {
    "europe": ["London", "Berlin", "Paris", "Brussels", "Warsaw", "Kyiv", "Tbilisi", "Istanbul"],
    "mideast": ["Beirut", "Doha", "Cairo", "Tel Aviv", "London", "Istanbul"],
    "africa_w": ["Dakar", "Paris", "Johannesburg", "London"],
    "africa_e": ["Nairobi", "Johannesburg", "Cairo", "London"],
    "asia": ["Singapore", "Tokyo", "Seoul", "New Delhi", "Washington"],
    "americas": ["Bogota", "Mexico City", "Sao Paulo", "Washington"],
}

FOREIGN_TITLES = {
    "the United States": ["Secretary of State", "Deputy Secretary of State", "Under Secretary of State"],
    "the United Kingdom": ["Foreign Secretary", "Foreign Office Minister"],
    None: ["Foreign Minister", "Deputy Foreign Minister", "Prime Minister", "Foreign Minister"],
}
DEFENCE_TITLES = {
    "the United States": ["Defense Secretary", "Deputy Defense Secretary"],
    "the United Kingdom": ["Defence Secretary", "Armed Forces Minister"],
    None: ["Defence Minister", "Deputy Defence Minister", "Defence Minister"],
}
INTERIOR_TITLES = {
    "the United States": ["Homeland Security Secretary"],
    "the United Kingdom": ["Home Secretary"],
    None: ["Interior Minister", "Prime Minister"],
}
SPOKES = {
    "the United States": ["State Department spokesperson", "White House spokesperson",
                          "Pentagon spokesperson"],
    "the United Kingdom": ["Foreign Office spokesperson", "British government spokesperson"],
    None: ["{adj} foreign ministry spokesperson", "{adj} government spokesperson",
           "{adj} defence ministry spokesperson"],
}

# ---------------------------------------------------------------------------
# Random slot pools.  Each use draws a fresh value (without repetition inside
# one article); values may contain further slots.
# ---------------------------------------------------------------------------

POOLS = {
    "issue2": ["the demarcation of the border", "the status of {B_place}",
               "prisoner exchanges", "fishing rights in the {sea}", "transit fees for energy supplies",
               "the return of displaced families", "water rights on shared rivers",
               "the presence of foreign troops", "the protection of minorities near {A_place}",
               "the reopening of border crossings", "airspace violations",
               "the treatment of each other's diplomats"],
    "qA": ["We have made our position absolutely clear to our counterparts, and we now expect {B} to respond in kind and with the same seriousness",
           "Our first duty is to the people living in {A_place}, and every decision we take is measured against their safety",
           "There can be no lasting solution without full respect for our territorial integrity, and that principle is not up for discussion",
           "We are prepared to sit down and talk for as long as it takes, but we will not negotiate under pressure or with a deadline held over us",
           ("This decision was not taken lightly, and we gave every opportunity for a different outcome, but our patience has limits", ('threats', 'sanctions', 'statements', 'troops')),
           "The door to diplomacy remains open, and we sincerely hope that {B_cap} will choose to walk through it in the coming days",
           ("We will continue to work closely with our partners in the region and beyond to keep up the pressure until we see real change", ('sanctions', 'threats', 'statements', 'talks')),
           ("What happened on {day} must not be allowed to happen again, and those responsible will be held to account", ("attacks", "protests", "threats", "troops")),
           ("These measures are targeted, proportionate and reversible, and they are aimed at those responsible rather than at ordinary people", ("sanctions",)),
           "We are not seeking confrontation with anyone, but we have a duty to protect our citizens and our borders",
           ("Words are cheap, and in the end we will judge {B} by what it actually does on the ground rather than by what it says", ('threats', 'troops', 'talks', 'agreements', 'statements', 'sanctions')),
           ("Nobody should mistake our restraint for weakness, because we are ready to respond to any attempt to change the situation by force", ("threats", "troops", "attacks", "statements")),
],
    "qB": [("These accusations are completely baseless, and we reject them along with the attempt to blame us for problems created elsewhere", ('threats', 'attacks', 'statements', 'sanctions', 'troops')),
           ("{B} will not be intimidated by threats or ultimatums, and it will not make decisions about its security under outside pressure", ('threats', 'sanctions', 'troops', 'statements')),
           "We have always been ready for dialogue on an equal footing, and that offer still stands today despite everything that has happened",
           ("Those who chose this path will bear full responsibility for the consequences, both for our relations and for stability in the region", ('threats', 'sanctions', 'attacks', 'statements', 'troops')),
           ("Our forces are acting within our own borders, as is our sovereign right, and we do not need anyone's permission to do so", ("troops", "threats", "attacks")),
           ("We call on {A} to stop escalating, to stop the inflammatory statements, and to return to the negotiating table without conditions", ('threats', 'sanctions', 'troops', 'attacks', 'statements', 'talks')),
           ("The so-called evidence presented by {A_cap} does not stand up to scrutiny, and no independent body has confirmed a single one of these claims", ('threats', 'attacks', 'statements', 'sanctions')),
           ("We will study the proposals carefully with our experts and respond in due course, once we have a clear picture of what is being offered", ("talks", "agreements", "statements")),
           "Nobody in {B_cap} is interested in a crisis, but we will defend our interests and our people with every means available to us"],
    "qO": ["Both parties must respect their obligations under international humanitarian law, including the protection of civilians and of aid workers",
           "There is no military solution to this dispute, and every day of escalation only makes a political settlement harder to reach",
           "We stand ready to support any process that brings the two sides back to the table, wherever and whenever they choose to meet",
           "Civilians must not pay the price for the failure of politics, and their needs have to come before any other consideration",
           "The priority now is to prevent any further escalation and to keep the lines of communication between the two capitals open",
           "What has been agreed is an important first step, but the real test will be whether it is implemented in good faith on the ground"],
    "qAn": ["Both sides are signalling to audiences at home as much as to each other, and that makes it very hard for either of them to step back",
            "The real question is whether either government has the political room to compromise without looking weak in front of its own supporters",
            "This is a calculated move designed to test how far {B} is willing to go and how united its partners really are",
            "Economic pressure on its own rarely changes the behaviour of governments in this position, especially when they have alternative markets",
            "What we are seeing is a slow erosion of the arrangements that kept this dispute frozen for years, and nothing has yet replaced them",
            "A deal is possible, but it would require both leaders to spend political capital that they may simply not have at the moment",
            "The timing is hardly an accident, because the government in {A_cap} is under pressure at home to look decisive",
            "Outside powers have far more influence over this dispute than either side likes to admit, and they have not used it very much so far",
            "Nobody in either capital wants a war, but nobody wants to be seen backing down first either, and that is where the risk lies",
            "The danger is less a deliberate attack than an accident that spirals, because there are very few mechanisms left to manage an incident"],
    "rep_A": ["had no intention of escalating the situation and would continue to act with restraint",
              "was ready to resume talks without preconditions as soon as the other side was prepared to do the same",
              "would defend its sovereignty by all available means, including diplomatic and economic ones",
              "had informed its allies of the decision in advance and had received broad support",
              "would keep diplomatic channels with {B_cap} open despite the current tensions",
              "expected concrete steps rather than promises before it would consider changing course",
              ("had evidence of {B_adj} involvement that it would share with partners in the coming days", ("attacks", "threats", "statements", "sanctions"))],
    "rep_B": ["had not violated any agreement and would continue to honour its commitments",
              "would respond in a measured way and at a time of its own choosing",
              ("was studying the proposals and would reply within days through diplomatic channels", ("talks", "agreements", "statements")),
              ("regarded the move as a hostile act that would have consequences for bilateral relations", ('threats', 'sanctions', 'troops', 'statements')),
              "remained committed to a negotiated settlement, provided its security concerns were taken into account"],
    # Topic-specific variants: a slot {qA} in a "protests" article draws from
    # "qA_protests" when that pool exists.
    "qA_protests": ["People have every right to protest peacefully, but violence against police officers and public property will not be tolerated",
                    "The government has heard the concerns of citizens, and we are ready to discuss them through the proper institutions",
                    "A small group of provocateurs is trying to exploit legitimate concerns in order to destabilise the country",
                    "Order will be restored in {A_cap}, and those who broke the law will have to answer for it in court",
                    "We have instructed the police to act with restraint, and every complaint of abuse will be investigated"],
    "rep_A_protests": ["had opened an investigation into the violence and would publish its findings",
                       "would not tolerate attempts to occupy government buildings",
                       "was ready to meet representatives of the protesters if the road blockades were lifted",
                       "had evidence that some of the protests had been organised from abroad"],
    "qB_protests": ["People are on the streets because they have run out of patience, and no amount of tear gas will change that",
                    "We will stay peaceful, and we will stay here until the government listens to what people are saying",
                    "The authorities are trying to frighten people into silence, but every arrest only brings more people out",
                    "We are ready to talk, but not while our colleagues are sitting in police cells",
                    "This is not about one law or one price rise, it is about how this country has been governed for years"],
    "rep_B_protests": ["would continue the demonstrations until all detained protesters were released",
                       "had not called for violence and would keep the protests peaceful",
                       "would announce new rallies in other cities in the coming days"],
    "qO_protests": ["Peaceful protesters must be allowed to express their views without fear of arrest or violence",
                    "We urge the authorities to show restraint and to investigate every allegation of excessive force",
                    "Dialogue between the government and the protesters is the only way out of this situation"],
    "qAn_protests": ["The government has underestimated how deep the anger over {protest_issue} runs, particularly among younger people",
                     "The authorities are betting that the movement will run out of energy, but so far every crackdown has had the opposite effect",
                     "What started as a protest over one issue has turned into a much broader challenge to the political system",
                     "If the security forces begin to waver, the situation could change very quickly"],
    "qA_aid": ["We have our teams ready, and what we need now is safe and unhindered access to the people who depend on this help",
               "This assistance is about saving lives, and it comes with no political conditions attached",
               "The needs are enormous, and we are calling on other donors to step up their contributions as well",
               "Our support will go to the most vulnerable, especially women and children who have been forced from their homes"],
    "rep_A_aid": ["would send a team of experts to assess further needs on the ground",
                  "was considering additional funding later in the year",
                  "would channel the money through UN agencies and trusted local organisations"],
    "qB_aid": ["We are grateful for this support, which will reach families who have lost everything in the past few months",
               "The help is welcome, but it covers only a fraction of what our hospitals and displaced families need",
               "We call on all our partners to turn their pledges into deliveries as quickly as possible"],
    "rep_B_aid": ["would help aid convoys reach all affected areas",
                  "had set up a committee to coordinate international assistance",
                  "needed long-term support for reconstruction, not only emergency relief"],
    "qO_aid": ["Every delay costs lives, and we need all parties to guarantee safe passage for humanitarian convoys",
               "The funding we have received so far is not enough to keep our operations running beyond the next few months"],
    "qAn_aid": ["Donor fatigue is real, and long-running crises like this one struggle to compete for attention and money",
                "The main obstacle is not money but access to the places where needs are greatest",
                "Aid can keep people alive, but without a political settlement it cannot bring this crisis to an end"],
    "offence": ["human rights abuses in {B_place}", "undermining democratic institutions",
                "supplying weapons to armed groups", "cyberattacks on government networks",
                "election interference", "the detention of opposition figures"],
    "b_action": ["expand a military base near the border", "expel {n_small} {A_adj} diplomats",
                 "suspend its participation in a regional arms control arrangement",
                 "close its airspace to {A_adj} airlines", "hold military drills near {B_place}",
                 "restrict exports of {commodity}"],
}

ISSUES = ["the disputed border", "the status of {B_place}", "maritime boundaries in the {sea}",
          "security arrangements around {A_place}", "energy supplies", "water rights on shared rivers",
          "the return of refugees", "a long-delayed peace process", "the withdrawal of foreign forces",
          "a proposed prisoner exchange"]
SECTORS = ["energy sector", "banking sector", "defence industry", "shipping companies",
           "mining industry", "technology sector"]
COMMODITIES = ["grain", "fertiliser", "natural gas", "steel", "crude oil", "rare earth metals",
               "timber", "cotton"]
PROTEST_ISSUES = ["rising fuel prices", "a disputed election result",
                  "a proposed constitutional amendment", "the government's handling of the economy",
                  "a new law on foreign funding for media groups",
                  "corruption allegations against senior officials",
                  "a deal with {B} that critics call a concession",
                  "the arrest of a prominent opposition leader"]
AGREEMENT_AIMS = ["demarcate their shared border", "reopen border crossings closed since {year}",
                  "resume direct flights between their capitals",
                  "set up a joint commission on water resources",
                  "pull back troops from positions near {A_place}",
                  "cooperate on energy and transport projects"]
AGREE_TOPICS = ["trade and investment", "maritime security in the {sea}",
                "the return of refugees", "energy cooperation", "counter-terrorism cooperation"]

# ---------------------------------------------------------------------------
# Sentence templates.  Slots: {A} {B} {C} {D} (countries), *_adj, *_cap, *_pos,
# {A_place} {B_place}, {sea}, {venue}, {M} {M_adj} {M_city}, {org} {org_short}
# {org_hq}, {aid_org}; people {pA} {pA2} {pB} {pB2} {pM} {pO} {an} (full name on
# first mention, surname afterwards); dates {day} {day_prev} {day_next}
# {month_date} {year} {year_old}; numbers {n_*}, {amount}, {pct}; and the
# random pools above.
# ---------------------------------------------------------------------------

TOPICS = ["talks", "threats", "sanctions", "troops", "aid", "protests", "attacks",
          "agreements", "statements"]

LEADS = {
    "talks": [
        "Senior officials from {A} and {B} met in {venue} on {day} for talks aimed at easing tensions over {issue}, the first such meeting in {n_months} months.",
        "Negotiators from {A} and {B} opened a new round of talks in {venue} on {day}, with both sides saying they hoped to narrow their differences over {issue}.",
        "{A_adj} and {B_adj} delegations held {n_hours} hours of closed-door talks in {venue} on {day} but failed to reach a breakthrough on {issue}.",
        "Talks between {A} and {B} on {issue} resumed in {venue} on {day} after a pause of several weeks, with {M} acting as mediator.",
        "{pA} travelled to {B_cap} on {day} for talks with {pB} on {issue}, the highest-level visit between the two countries in years.",
        "Diplomats from {A} and {B} wrapped up {n_days} days of talks in {venue} on {day}, saying they had agreed to meet again next month.",
    ],
    "threats": [
        "{A} warned {B} on {day} that it would take \"decisive measures\" if {B_adj} forces continued operating near {A_place}, sharply escalating a war of words between the two governments.",
        "{pA} threatened on {day} to retaliate against {B} over what {A_cap} called repeated provocations in the {sea}.",
        "{A} said on {day} it would respond with force to any violation of its territory, in a pointed warning to {B} after a week of rising tension around {A_place}.",
        "The government of {A} issued an ultimatum to {B} on {day}, giving it {n_days} days to withdraw personnel from {A_place} or face unspecified consequences.",
        "{A} summoned {B_pos} ambassador on {day} and warned of \"serious consequences\" over remarks by {B_adj} officials about {A_place}.",
        "{pA} said on {day} that {A} was ready to cut diplomatic ties with {B} unless it stopped what {A_cap} described as interference in its internal affairs.",
    ],
    "sanctions": [
        "{A} imposed sanctions on {n_ent} {B_adj} officials and companies on {day}, accusing them of {offence}.",
        "{A} announced export controls and asset freezes against {B} on {day}, targeting its {sector} in the latest escalation of a dispute over {issue}.",
        "{A} said on {day} it would ban imports of {commodity} from {B} and freeze the assets of {n_ent} individuals linked to the {B_adj} government.",
        "{B} vowed to retaliate after {A} added {n_ent} {B_adj} entities to its sanctions list on {day}, saying the measures violated international law.",
        "{A} extended its sanctions on {B} for another {n_months} months on {day}, saying {B_cap} had failed to meet the conditions set last year.",
        "Ministers in {A_cap} approved a new package of sanctions against {B} on {day}, aimed at its {sector} and at officials accused of {offence}.",
    ],
    "troops": [
        "{A} deployed about {n_troops} additional troops to {A_place} on {day}, saying the move was a response to increased {B_adj} military activity in the area.",
        "{A_adj} forces began large-scale military exercises near {A_place} on {day}, involving {n_troops} soldiers, {n_aircraft} aircraft and {n_ships} warships, the defence ministry said.",
        "{A} began withdrawing its troops from {B} on {day}, ending a deployment that had lasted {n_years} years.",
        "Satellite images published on {day} showed a build-up of {A_adj} armour and artillery within {n_km} kilometres of the border with {B}.",
        "The {A_adj} navy sent {n_ships} warships into the {sea} on {day}, in what officials described as a routine patrol but {B} called a provocation.",
        "{A} moved air defence systems and several infantry battalions to {A_place} on {day}, officials in {A_cap} confirmed.",
    ],
    "aid": [
        "{A} pledged {amount} in humanitarian aid to {B} on {day} to help people displaced by fighting around {B_place}.",
        "A convoy of {n_trucks} trucks carrying food and medical supplies reached {B_place} on {day}, the first aid delivery to the area in weeks, the {aid_org} said.",
        "The {aid_org} warned on {day} that {n_people} people in {B} faced acute food shortages and appealed for {amount} in emergency funding.",
        "{A} and {B} signed an agreement on {day} under which {A_cap} will provide {amount} in development assistance over {n_years} years.",
        "Donors meeting in {venue} on {day} promised {amount} to rebuild roads, schools and hospitals in {B_place}, short of the sum requested by the {B_adj} government.",
        "{A} sent {n_planes} cargo planes loaded with tents, blankets and water purification equipment to {B} on {day}.",
    ],
    "protests": [
        "Thousands of people marched through {A_cap} on {day} to protest against {protest_issue}, in one of the largest demonstrations {A} has seen in years.",
        "Police in {A_cap} fired tear gas and water cannon at protesters on {day} as demonstrations over {protest_issue} spread to {A_place}.",
        "Several hundred demonstrators gathered outside the {B_adj} embassy in {A_cap} on {day} to denounce what they called {B_adj} meddling in {A_place}.",
        "Protesters blocked main roads in {A_place} on {day}, demanding the resignation of the government over {protest_issue}.",
        "{A_adj} authorities detained at least {n_detained} people on {day} after protests against {protest_issue} turned violent in {A_cap}.",
        "Opposition supporters rallied in {A_cap} and {A_place} on {day}, the {ordinal} consecutive day of protests over {protest_issue}.",
    ],
    "attacks": [
        "At least {n_killed} people were killed and {n_wounded} wounded on {day} when a car bomb exploded near a military checkpoint in {A_place}, officials said.",
        "{A_adj} forces carried out airstrikes on targets in {B_place} on {day}, saying they had hit positions used by armed groups to launch attacks across the border.",
        "Gunmen attacked a police station in {A_place} on {day}, killing {n_killed} officers, local authorities said.",
        "A drone struck an energy facility near {A_place} on {day}, causing a large fire and power cuts, the {A_adj} emergency services said.",
        "{A} accused {B} of shelling villages near {A_place} on {day}, killing {n_killed} civilians, an accusation {B_cap} rejected.",
        "Fighters attacked an army base in {A_place} before dawn on {day}, setting off hours of clashes that left {n_killed} soldiers dead, the military said.",
    ],
    "agreements": [
        "{A} and {B} signed an agreement in {venue} on {day} to {agreement_aim}, ending months of negotiations mediated by {M}.",
        "A ceasefire between {A} and {B} took effect at midnight on {day}, after mediators from {M} secured commitments from both sides.",
        "{A} and {B} agreed on {day} to {agreement_aim}, in a deal announced jointly by their foreign ministries.",
        "Officials from {A} and {B} signed a memorandum of understanding on {agree_topic} in {venue} on {day}.",
        "{A} and {B} reached a deal on {day} to exchange {n_prisoners} prisoners each, the largest such swap between the two sides since {year}.",
        "{A} and {B} agreed on {day} to restore full diplomatic relations and reopen embassies within {n_months} months, in an accord brokered by {M}.",
    ],
    "statements": [
        "The {A_adj} foreign ministry on {day} condemned {B_pos} decision to {b_action}, calling it a breach of international law.",
        "{pA} said on {day} that {A} would not recognise the result of a planned referendum in {B_place}.",
        "{A} expressed concern on {day} over reports of human rights abuses in {B_place} and called for an independent inquiry.",
        "{A} on {day} criticised {B_pos} decision to detain {n_detained} opposition activists, calling it a serious setback for dialogue in the region.",
        "{pA} accused {B} on {day} of spreading false information about {A_pos} military activities, in a statement posted on the ministry's website.",
        "{A} recalled its ambassador from {B} for consultations on {day}, citing the treatment of {A_adj} diplomats in {B_cap}.",
    ],
}

BODY = {
    "talks": [
        "The talks, hosted by {M}, took place behind closed doors at a hotel on the outskirts of {venue}.",
        "Officials on both sides described the atmosphere as businesslike but acknowledged that deep differences remained.",
        "The {A_adj} delegation was led by {pA}, while {pB} headed the {B_adj} team.",
        "According to a draft agenda seen by reporters, the sides were also expected to discuss {issue2}.",
        "The meeting was the {ordinal} round of negotiations since the two sides agreed to resume contacts in {year}.",
        "Neither side released a joint statement after the session, and officials declined to say when talks would resume.",
        "{A_adj} officials said a working group on {issue2} would meet in {venue} within {n_days} days.",
        "Previous rounds of talks in {venue} broke down over disagreements about the sequencing of any deal.",
    ],
    "threats": [
        "The warning came hours after {B_adj} officials accused {A} of moving heavy weapons closer to the frontier near {A_place}.",
        "State television in {A} broadcast footage of armoured vehicles moving near {A_place}, though the date of the images could not be verified.",
        "The statement did not spell out what measures {A_cap} was prepared to take.",
        "The {B_adj} foreign ministry dismissed the warning as an attempt to distract attention from problems at home.",
        "Markets in {B_cap} fell after the remarks, and the {B_adj} currency lost {pct} percent against the dollar.",
        "Diplomats said the rhetoric was the harshest exchanged between the two capitals since {year}.",
        "{A} also said it had placed air defence units around {A_place} on a higher state of alert.",
    ],
    "sanctions": [
        "The measures freeze any assets the targeted individuals hold in {A} and bar them from entering the country.",
        "Among those listed were a deputy defence minister, two regional governors and the head of a state-owned shipping company.",
        "{A_adj} officials said the sanctions were designed to hit {B_pos} {sector} while limiting the impact on ordinary citizens.",
        "Trade between the two countries was worth about {amount} last year, according to official figures.",
        "The {B_adj} economy ministry said the measures would have little effect because {B} had already shifted much of its trade toward {C}.",
        "Exporters in {B_place} said shipments had already been held up at the border for several days.",
        "The sanctions took effect at midnight, and {A_cap} said further measures would follow.",
        "Humanitarian goods, including food and medicine, were exempted from the restrictions.",
    ],
    "troops": [
        "The defence ministry in {A_cap} said the drills would last {n_days} days and include live-fire exercises.",
        "Residents of {A_place} reported long convoys of military trucks moving along the main highway overnight.",
        "The {B_adj} defence ministry said it had tracked {n_aircraft} {A_adj} military aircraft operating close to its airspace.",
        "Military analysts said the scale of the deployment went well beyond what routine training would require.",
        "{A} has kept forces in the area since {year}, when fighting first broke out along the frontier.",
        "Officials in {B_cap} said they were monitoring the situation closely and had raised the alert level of units in {B_place}.",
        "The ministry said some of the units would stay in place for at least {n_months} months.",
    ],
    "aid": [
        "The aid will be distributed by the {aid_org} and local partners in {B_place} and surrounding districts.",
        "Aid workers said access to some areas remained difficult because of damaged roads and continuing insecurity.",
        "Officials from the {aid_org} estimate that more than {n_refugees} people have fled their homes since the start of the year.",
        "The shipment included {n_tons} tonnes of wheat flour, cooking oil and medical kits, according to a statement.",
        "Health workers in {B_place} reported shortages of antibiotics, insulin and fuel for hospital generators.",
        "The {B_adj} government welcomed the assistance and said it would set up a committee to oversee how the money is spent.",
        "It was not immediately clear how much of the money was new and how much had been announced before.",
    ],
    "protests": [
        "Organisers put the number of participants at more than {n_protesters}, while police gave a much lower figure.",
        "Witnesses said security forces used batons to disperse a crowd that had gathered near the parliament building.",
        "The interior ministry said {n_injured} police officers had been injured in clashes and accused organisers of inciting violence.",
        "Shops and businesses in central {A_cap} stayed closed for much of the day.",
        "Protest leaders said they would keep up the demonstrations until their demands were met.",
        "Internet monitoring groups reported disruptions to mobile data services in {A_cap} during the protests.",
        "The government said it was open to dialogue but would not tolerate attacks on public property.",
    ],
    "attacks": [
        "No group immediately claimed responsibility for the attack.",
        "Hospital officials in {A_place} said several of the wounded were in critical condition.",
        "Footage shared on social media showed thick smoke rising over the area, though it could not be independently verified.",
        "The army said it had launched an operation to find those responsible and had sealed off roads leading out of the area.",
        "It was the deadliest attack in {A_place} since {year}.",
        "{B} denied any involvement and called for an independent investigation.",
        "Local residents said they heard several explosions in quick succession shortly after midnight.",
        "The {aid_org} said its teams were helping to evacuate the wounded to hospitals in {A_cap}.",
    ],
    "agreements": [
        "Under the terms of the deal, the two sides will set up a joint monitoring mechanism with observers from the {org}.",
        "The text of the agreement was not made public, but officials said it included provisions on {issue2}.",
        "The accord must still be ratified by the parliaments of both countries.",
        "Previous agreements between the two sides collapsed within weeks amid accusations of violations.",
        "{M_adj} officials said they would host a follow-up meeting in {M_city} to review how the deal is being implemented.",
        "Residents of {A_place} said they hoped the agreement would allow families separated by the conflict to reunite.",
        "The agreement does not address {issue2}, which officials said would be taken up in later rounds.",
    ],
    "statements": [
        "The statement urged {B_cap} to reverse its decision and return to dialogue.",
        "The {B_adj} embassy in {A_cap} did not respond to a request for comment.",
        "The ministry said it reserved the right to take further steps to protect the interests of {A}.",
        "The remarks drew a swift response from {B}, whose foreign ministry called them unfounded.",
        "Ties between the two countries have deteriorated since {year}, when a dispute over {issue2} led to the expulsion of several diplomats.",
        "The European Union and several governments in the region echoed the call for restraint.",
    ],
}

def _but(*excluded):
    """Topic tag meaning "every topic except these"."""
    return tuple(t for t in TOPICS if t not in excluded)


DISPUTE = _but("protests", "aid")   # templates that assume A and B are at odds

GENERAL = {
    "quote_A": [
        "\"{qA},\" {pA} told reporters in {A_cap}.",
        "\"{qA},\" {pA} said in a statement.",
        "{pA} said: \"{qA}.\"",
        ("\"{qA},\" {pA} said, adding that {A} remained open to dialogue.", DISPUTE),
        "\"{qA},\" {pA2} told a regular news briefing.",
        "{pA2} told reporters on {day}: \"{qA}.\"",
        "\"{qA},\" {pA} said at a news conference in {A_cap}. \"{qA}.\"",
        "Speaking on state television, {pA} said: \"{qA}.\"",
        ("\"{qA},\" {pA} said as the first planes were loaded at a military airfield outside {A_cap}.", ("aid",)),
    ],
    "quote_B": [
        ("\"{qB},\" {pB} said in a televised address.", _but("protests")),
        "{pB} responded later on {day}: \"{qB}.\"",
        "\"{qB},\" {pB2} said in a post on social media.",
        ("\"{qB},\" {pB} told state media in {B_cap}.", _but("protests")),
        "\"{qB},\" {pB2} said. \"{qB}.\"",
        ("\"{qB},\" {pB} told supporters at a rally in {A_place}.", ("protests",)),
        ("\"{qB},\" {pB2} said by telephone from {A_cap}.", ("protests",)),
    ],
    "reported": [
        "{pA} said that {A} {rep_A}.",
        "According to {pA2}, {A} {rep_A}.",
        ("{pB2} said that {B_cap} {rep_B}.", _but("protests")),
        ("{pB} told parliament that the government {rep_B}.", _but("protests")),
        ("{pB2} said that the opposition {rep_B}.", ("protests",)),
        "A senior {A_adj} official, speaking on condition of anonymity, said that the government {rep_A}.",
        "{pA2} said on {day_prev} that {A_cap} {rep_A}.",
    ],
    "negation": [
        ("{B} denied the accusations, saying its forces had not crossed into {A_pos} territory.", ("threats", "attacks", "troops")),
        ("{pB} ruled out any concessions on {issue2}.", ("talks", "threats", "statements", "agreements", "sanctions")),
        ("{A_adj} officials did not say how long the measures would remain in place.", ("threats", "sanctions", "troops", "statements", "protests")),
        "{pA2} declined to comment on whether further steps were being considered.",
        ("Neither government has confirmed the figures, which could not be independently verified.", ("attacks", "troops")),
        ("{pA} dismissed suggestions that {A} was trying to isolate {B}, saying the door to dialogue remained open.", DISPUTE),
        ("{B} has never accepted the legitimacy of the arrangement.", ("talks", "threats", "statements", "agreements")),
        ("The {org} said it had not been able to verify reports of casualties.", ("attacks", "troops")),
        ("{pB2} denied that {B} had received any formal proposal from {A_cap}.", ("talks", "threats", "statements", "sanctions")),
        ("{pB} denied that the opposition had called for violence and blamed plain-clothes agents for the clashes.", ("protests",)),
        ("The interior ministry did not say how many people remained in custody.", ("protests",)),
        ("The {B_adj} government denied reports that some of the aid had been diverted to the armed forces.", ("aid",)),
        ("Officials did not say when the next convoy would be allowed to travel.", ("aid",)),
    ],
    "third": [
        ("The {org} called on both sides to exercise restraint and avoid steps that could inflame tensions further.", _but("aid")),
        ("{pO} said the organisation was deeply concerned by the latest developments.", _but("aid")),
        ("{pM} said {M} was ready to host further talks in {M_city}.", DISPUTE),
        "\"{qO},\" {pO} told reporters in {org_hq}.",
        ("{C} urged {A} and {B} to resolve their differences through diplomacy, the {C_adj} foreign ministry said.", DISPUTE),
        ("Diplomats in {org_hq} said several member states were pressing for an emergency meeting.", ("attacks", "troops", "threats", "statements")),
        ("{M_adj} mediators shuttled between the two delegations throughout the day, according to people familiar with the talks.", ("talks", "agreements")),
        ("{C} and {D} issued a joint statement urging an immediate return to negotiations.", DISPUTE),
        ("Envoys from the {org} were expected to travel to {A_cap} and {B_cap} later in the week.", DISPUTE),
        ("\"{qO},\" {pM} said after meeting both delegations.", ("talks", "agreements", "threats")),
        ("The {B_adj} foreign ministry said it was following events in {A_cap} closely and urged the authorities to respect the right to peaceful assembly.", ("protests",)),
        ("The UN human rights office called for the release of everyone detained for taking part in peaceful protests.", ("protests",)),
        ("{B} and {C} summoned {A_pos} envoys to express concern over the handling of the demonstrations.", ("protests",)),
        ("The {org} said it would expand its presence in {B_place} in the coming weeks.", ("aid",)),
        ("{C} also announced additional assistance, including field hospitals and water tankers.", ("aid",)),
        ("UN agencies said their appeal for {B} was only {pct_funded} percent funded so far this year.", ("aid",)),
    ],
    "analyst_quote": [
        "\"{qAn},\" said {an}.",
        "\"{qAn},\" {an} said. \"{qAn}.\"",
        "\"{qAn},\" {an} told reporters, adding that the coming weeks would be critical.",
        ("\"{qAn},\" said {an}, who has followed relations between {A_cap} and {B_cap} for two decades.", DISPUTE),
    ],
    "analyst": [
        ("{an} said the move reflected growing frustration in {A_cap} with the pace of diplomacy.", DISPUTE),
        ("According to {an}, {A} is unlikely to back down without some gesture from {B}.", DISPUTE),
        ("{an} said that the outcome would depend largely on whether {C} was willing to use its influence.", DISPUTE),
        ("Analysts said the episode showed how quickly tensions between {A_cap} and {B_cap} could flare.", DISPUTE),
        ("Other analysts were more cautious, noting that both governments have stepped back from the brink before.", DISPUTE),
        ("{an} said the demonstrations were the most serious challenge the government had faced in years.", ("protests",)),
        ("According to {an}, the authorities are betting that the protests will lose momentum before the end of the month.", ("protests",)),
        ("{an} said the international response had been slower than in previous emergencies in the region.", ("aid",)),
        ("According to {an}, much of the money pledged at earlier conferences for {B} has still not been delivered.", ("aid",)),
    ],
    "hypothetical": [
        ("If the talks fail, {B} could face further isolation and new economic restrictions.", ("talks", "threats", "sanctions")),
        ("Analysts warned that a miscalculation near {A_place} could quickly escalate into a wider conflict.", ("threats", "troops", "attacks", "statements")),
        ("{pA} said {A} would consider lifting some measures if {B} took verifiable steps to reduce tensions.", ("sanctions", "threats", "statements")),
        ("If fighting resumes, aid agencies say tens of thousands of people could be forced to flee.", ("attacks", "agreements", "troops", "aid")),
        ("Officials said further sanctions could be announced if there was no progress by {month_date}.", ("sanctions", "threats", "statements")),
        ("Any deal could require the approval of parliament, which is expected to debate the issue next month.", ("talks", "agreements")),
        ("{B} could retaliate by restricting exports of {commodity}, officials in {A_cap} fear.", ("sanctions", "threats", "statements")),
        ("If the ceasefire holds, officials said, displaced families could begin returning to their homes within weeks.", ("agreements", "attacks")),
        ("If the protests continue, the government could be forced to call early elections, opposition figures said.", ("protests",)),
        ("Organisers said they could bring more people onto the streets if the detained protesters were not released.", ("protests",)),
        ("If funding does not arrive soon, the {aid_org} said, it could be forced to cut rations for {n_people} people.", ("aid",)),
        ("Officials said deliveries to {B_place} could resume next week if security conditions allowed.", ("aid",)),
    ],
    "background": [
        ("Relations between {A} and {B} have been strained for years over {issue2}.", DISPUTE),
        ("The two countries have disagreed for decades over {issue2}, and earlier attempts at mediation made limited progress.", DISPUTE),
        ("{A} and {B} established diplomatic relations in {year_old}, but ties have swung sharply since.", DISPUTE),
        ("The dispute has also drawn in outside powers, with {C} and {D} backing opposing positions.", DISPUTE),
        ("Tensions in the {sea} have risen in recent months, with both sides reporting close encounters between vessels.", ("threats", "troops", "talks", "statements")),
        ("More than {n_refugees} people have been displaced around {B_place} since {year}, according to UN estimates.", ("attacks", "aid", "agreements", "troops")),
        ("{A} is one of the largest trading partners of {B}, with bilateral trade worth around {amount} a year.", ("sanctions", "talks", "agreements", "statements")),
        ("The region around {A_place} has seen sporadic violence since {year}.", ("attacks", "troops", "threats")),
        ("{A} last saw protests on this scale in {year}, when demonstrations over fuel subsidies forced a cabinet minister to resign.", ("protests",)),
        ("Parliamentary elections are due to be held in {A} next year, and the governing party has been trailing in opinion polls.", ("protests",)),
        ("{B} has been hit by years of conflict, drought and economic crisis, according to UN agencies.", ("aid",)),
        ("{A} is among the largest donors to humanitarian operations in {B}, having provided more than {amount} since {year}.", ("aid",)),
    ],
    "outlook": [
        ("Talks are expected to resume in {venue} on {day_next}.", ("talks", "agreements", "threats")),
        ("{pA} is due to travel to {C_cap} next week for consultations with allies.", DISPUTE),
        "The {org} is scheduled to discuss the situation at a meeting in {org_hq} on {month_date}.",
        ("Officials on both sides said further contacts were likely in the coming days.", DISPUTE),
        ("Leaders of {A} and {B} are expected to meet on the sidelines of a regional summit in {venue} later this month.", DISPUTE),
        ("It was not clear when a new round of negotiations would take place.", ("talks", "agreements", "threats", "statements")),
        ("Opposition groups have called for another rally in {A_cap} on {day_next}.", ("protests",)),
        ("A further donors' conference is planned in {venue} on {month_date}.", ("aid",)),
        ("The next convoy is scheduled to leave {B_cap} on {day_next}, the {aid_org} said.", ("aid",)),
    ],
}

# Optional clause endings appended to some plain (non-quote) sentences, so
# sentence length varies the way it does in wire copy.  "attribution" tails
# go only on sentences without a speech verb, "claim" tails only on those with
# one, "context" tails on either.
TAILS = {
    "attribution": [", officials said", ", state media reported",
                    ", according to people familiar with the matter",
                    ", diplomats in {org_hq} said", ", local media reported",
                    ", two officials briefed on the matter said",
                    ", according to a statement issued in {A_cap}"],
    "claim": [(", a claim that could not be independently verified", ("threats", "attacks", "troops", "statements", "sanctions")),
              ", in comments carried by the official news agency",
              ", without giving further details"],
    "context": [(", in a sign of how far relations between {A_cap} and {B_cap} have deteriorated",
                 ("threats", "sanctions", "statements")),
                (", at a time of heightened tension across the region",
                 ("threats", "troops", "attacks", "sanctions", "statements")),
                (", as pressure mounted on both governments to show restraint",
                 ("threats", "troops", "attacks", "talks")),
                (", amid growing concern in neighbouring capitals", _but("aid")),
                (", days before a planned visit to {B_cap} by {C_adj_a} delegation", _but("aid", "protests")),
                (", as the humanitarian situation continued to worsen", ("aid", "attacks")),
                (", as calls for an independent inquiry grew", ("attacks", "protests"))],
}
SPEECH = re.compile(r"\b(said|says|told|according|denied|accused|warned|urged|called|declined|dismissed|ruled|"
                    r"estimate|reported|announced|confirmed|statement)\b", re.I)
CLAIM = re.compile(r"\b(said that|accused|said it had)\b")

TITLES = {
    "talks": ["{A} and {B} hold talks in {venue} on {issue}",
              "{A_adj} and {B_adj} negotiators meet in {venue} amid tensions",
              "No breakthrough as {A} and {B} resume talks"],
    "threats": ["{A} warns {B} of consequences over {A_place}",
                "{A} threatens retaliation as tensions with {B} rise",
                "War of words escalates between {A_cap} and {B_cap}"],
    "sanctions": ["{A} imposes new sanctions on {B}",
                  "{B} vows response to {A_adj} sanctions",
                  "{A} targets {B_pos} {sector} with sanctions"],
    "troops": ["{A} moves troops to {A_place}",
               "{A_adj} forces hold large-scale drills near {A_place}",
               "Military build-up raises alarm in {B_cap}"],
    "aid": ["{A} pledges aid to {B}", "Aid reaches {B_place} as needs grow",
            "Agencies appeal for funds as crisis deepens in {B}"],
    "protests": ["Protests spread in {A} over {protest_issue}",
                 "Police clash with protesters in {A_cap}",
                 "Thousands rally in {A_cap}"],
    "attacks": ["Deadly attack hits {A_place}", "{A} blames {B} for strikes near {A_place}",
                "Dozens dead after assault in {A_place}"],
    "agreements": ["{A} and {B} sign deal in {venue}", "{M} brokers accord between {A} and {B}",
                   "{A} and {B} agree to {agreement_aim}"],
    "statements": ["{A} condemns {B} decision", "{A} raises concern over {B_place}",
                   "Diplomatic row deepens between {A} and {B}"],
}

# Order in which the non-lead sections appear; each maps to template categories.
SECTIONS = [
    ("sideA", ["quote_A", "reported", "topic", "quote_A"]),
    ("sideB", ["quote_B", "negation", "reported", "topic"]),
    ("third", ["third", "hypothetical", "third", "negation"]),
    ("analyst", ["analyst_quote", "analyst", "hypothetical", "analyst"]),
    ("background", ["background", "outlook", "topic", "background"]),
]

ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def template_count():
    """Number of distinct team-written sentence/title templates in this module."""
    n = sum(len(v) for v in LEADS.values()) + sum(len(v) for v in BODY.values())
    n += sum(len(v) for v in GENERAL.values()) + sum(len(v) for v in TITLES.values())
    return n


def _text(item):
    return item[0] if isinstance(item, tuple) else item


def _fits(item, topic):
    """Templates may be (text, topics) pairs restricting them to some topics."""
    return not isinstance(item, tuple) or topic in item[1]


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def _possessive(name):
    return name + ("'" if name.endswith("s") else "'s")


def _surname(full):
    # Burmese names have no family name and Vietnamese officials are usually
    # named in full, so keep the whole name for later mentions.
    if full in NAMES["my"] or full in NAMES["vi"]:
        return full
    parts = full.split()
    # East Asian names written family-name first.
    if len(parts) >= 2 and parts[0] in {"Li", "Wang", "Zhang", "Liu", "Chen", "Zhao", "Sun", "Zhou",
                                        "Lin", "Huang", "Wu", "Hsu", "Lee", "Kim", "Park", "Choi",
                                        "Jung", "Kang", "Ri", "Pak", "Choe", "O",
                                        "Tan", "Lim", "Goh", "Ng"}:
        return parts[0]
    if len(parts) >= 3 and parts[-2].lower() in {"van", "de", "dela", "der"}:
        return " ".join(parts[-3:]) if parts[-3].lower() == "van" else " ".join(parts[-2:])
    return parts[-1]


def _num(n):
    return "{:,}".format(n)


SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _small(n):
    """Wire style: spell out numbers below ten."""
    return SMALL[n] if n < 10 else str(n)


class _Renderer(string.Formatter):
    """Formats templates against one article's context.

    People render as "Title Full Name" on first mention and by surname after;
    pool slots draw a fresh value each time they are used.
    """

    def __init__(self, rng, ctx, people, topic=None):
        super().__init__()
        self.topic = topic
        self.rng = rng
        self.ctx = ctx
        self.people = people          # key -> (first-mention form, surname)
        self.mentioned = []
        self.pool_left = {}

    def get_value(self, key, args, kwargs):
        if key in self.people:
            full, last = self.people[key]
            if key in self.mentioned:
                return last
            self.mentioned.append(key)
            return full
        if key in POOLS:
            if "%s_%s" % (key, self.topic) in POOLS:
                key = "%s_%s" % (key, self.topic)
            left = self.pool_left.get(key)
            if not left:
                left = [_text(v) for v in POOLS[key] if _fits(v, self.topic)]
                self.pool_left[key] = left
            value = left.pop(self.rng.randrange(len(left)))
            return self.render(value)
        value = self.ctx[key]
        if "{" in value:
            value = self.render(value)
        return value

    def render(self, template):
        return self.vformat(template, (), {})


def _cap_first(s):
    i = 1 if s.startswith('"') else 0
    return s[:i] + s[i:i + 1].upper() + s[i + 1:]


def _pick_person(rng, group, used):
    names = [n for n in NAMES[group] if n not in used]
    name = rng.choice(names)
    used.append(name)
    return name


def _titles(table, country):
    return table.get(country, table[None])


def _pick_pair(rng, topic):
    if topic == "aid":
        B = rng.choice(AID_RECIPIENTS)
        A = rng.choice([d for d in DONORS if d != B])
        return A, B
    A, B = rng.choice(DYADS)
    if rng.random() < 0.5:
        A, B = B, A
    return A, B


def _make_context(rng, topic, date):
    A, B = _pick_pair(rng, topic)
    cluster0 = COUNTRY[B][5] if COUNTRY[B][5] != "global" else COUNTRY[A][5]
    cluster = CLUSTER_OF.get(cluster0, cluster0)
    others = [c[0] for c in COUNTRIES if c[0] not in (A, B)]
    near = [c for c in others if COUNTRY[c][5] in (cluster0, cluster) or c in GLOBAL_POWERS]
    C, D = rng.sample(near, 2)
    mediators = [m for m in MEDIATORS[cluster] if m[0] not in (A, B)]
    M = rng.choice(mediators)
    org_keys = ORGS_BY_CLUSTER[cluster]
    if topic in ("aid", "protests"):
        org_keys = [k for k in org_keys if k not in ("nato", "osce", "gcc")]
    org_key = rng.choice(org_keys)
    org = ORGS[org_key]
    venue = M[2]

    ca, cb = COUNTRY[A], COUNTRY[B]
    event = date - datetime.timedelta(days=rng.choice([0, 0, 1]))
    nxt = date + datetime.timedelta(days=rng.randint(2, 6))
    later = date + datetime.timedelta(days=rng.randint(10, 45))
    ctx = {
        "A": A, "A_adj": ca[1], "A_cap": ca[2], "A_pos": _possessive(A), "A_place": rng.choice(ca[3]),
        "B": B, "B_adj": cb[1], "B_cap": cb[2], "B_pos": _possessive(B), "B_place": rng.choice(cb[3]),
        "C": C, "C_adj": COUNTRY[C][1], "C_cap": COUNTRY[C][2],
        "C_adj_a": ("an " if COUNTRY[C][1][0] in "AEIO" else "a ") + COUNTRY[C][1],
        "D": D,
        "M": M[0], "M_adj": M[1], "M_city": M[2], "venue": venue,
        "org": org[0], "org_short": org[1], "org_hq": org[2],
        "aid_org": rng.choice(AID_ORGS),
        "sea": rng.choice(SEAS[cluster]),
        "issue": rng.choice(ISSUES), "sector": rng.choice(SECTORS),
        "commodity": rng.choice(COMMODITIES), "protest_issue": rng.choice(PROTEST_ISSUES),
        "agreement_aim": rng.choice(AGREEMENT_AIMS), "agree_topic": rng.choice(AGREE_TOPICS),
        "ordinal": rng.choice(ORDINALS),
        "day": WEEKDAYS[event.weekday()],
        "day_prev": WEEKDAYS[(event - datetime.timedelta(days=rng.randint(1, 3))).weekday()],
        "day_next": WEEKDAYS[nxt.weekday()],
        "month_date": "%s %d" % (MONTHS[later.month - 1], later.day),
        "year": str(date.year - rng.randint(1, 8)),
        "year_old": str(rng.randint(1949, 1995)),
        "n_months": _small(rng.randint(2, 18)), "n_hours": rng.choice(["three", "five", "six", "eight", "nine"]),
        "n_days": _small(rng.randint(2, 10)), "n_years": _small(rng.randint(2, 20)),
        "n_troops": _num(rng.choice([1500, 2000, 3000, 5000, 8000, 10000, 12000, 20000, 30000])),
        "n_aircraft": _small(rng.randint(8, 70)), "n_ships": _small(rng.randint(3, 15)),
        "n_planes": _small(rng.randint(2, 9)), "n_km": str(rng.choice([5, 10, 15, 20, 30, 50])),
        "n_ent": _small(rng.randint(6, 90)), "n_small": rng.choice(["two", "three", "four", "five", "six"]),
        "n_trucks": str(rng.randint(12, 120)), "n_tons": _num(rng.choice([150, 300, 450, 800, 1200, 2500])),
        "n_people": rng.choice(["1.2 million", "800,000", "2.5 million", "400,000", "3 million"]),
        "n_refugees": _num(rng.choice([25000, 60000, 120000, 250000, 500000, 1000000])),
        "n_protesters": _num(rng.choice([5000, 10000, 20000, 50000, 100000])),
        "n_detained": str(rng.randint(12, 300)), "n_injured": _small(rng.randint(3, 60)),
        "n_killed": _small(rng.randint(3, 45)), "n_wounded": str(rng.randint(5, 90)),
        "n_prisoners": str(rng.choice([20, 40, 50, 100, 150, 200])),
        "amount": rng.choice(["$50 million", "$120 million", "$250 million", "$400 million",
                              "$1.2 billion", "$2 billion", "35 million euros", "500 million euros"]),
        "pct": str(rng.choice([1.5, 2, 3, 4.5, 6])),
        "pct_funded": str(rng.choice([18, 24, 31, 37, 42, 55])),
    }

    used = []
    role = {"troops": DEFENCE_TITLES, "attacks": DEFENCE_TITLES,
            "protests": INTERIOR_TITLES}.get(topic, FOREIGN_TITLES)

    def official(country, table):
        c = COUNTRY[country]
        title = rng.choice(_titles(table, country))
        name = _pick_person(rng, c[4], used)
        adj = c[1]
        return ("%s %s %s" % (adj, title, name), _surname(name))

    def spokes(country):
        c = COUNTRY[country]
        forms = _titles(SPOKES, country)
        if topic == "protests":
            forms = {"the United States": ["White House spokesperson"],
                     "the United Kingdom": ["Home Office spokesperson"]}.get(
                country, ["{adj} interior ministry spokesperson", "{adj} government spokesperson"])
        elif topic not in ("troops", "attacks", "threats"):
            forms = [f for f in forms if "defence" not in f and "Pentagon" not in f]
        form = rng.choice(forms).format(adj=c[1])
        name = _pick_person(rng, c[4], used)
        return ("%s %s" % (form, name), _surname(name))

    people = {"pA": official(A, role), "pA2": spokes(A)}
    if topic == "protests":
        # The other voices in a protest story are domestic opposition figures.
        for key, label in (("pB", rng.choice(["opposition leader", "opposition politician"])),
                           ("pB2", rng.choice(["protest organiser", "student leader", "rights activist"]))):
            name = _pick_person(rng, ca[4], used)
            people[key] = ("%s %s" % (label, name), _surname(name))
    else:
        people["pB"] = official(B, FOREIGN_TITLES if topic == "aid" else rng.choice([role, FOREIGN_TITLES]))
        people["pB2"] = spokes(B)
    mname = _pick_person(rng, M[3], used)
    people["pM"] = ("%s Foreign Minister %s" % (M[1], mname), _surname(mname))
    oname = _pick_person(rng, rng.choice(org[4]), used)
    people["pO"] = ("%s %s" % (org[3], oname), _surname(oname))
    tt_city = rng.choice(THINK_TANK_CITY_BY_CLUSTER[cluster])
    tt_group = dict(THINK_TANK_CITIES)[tt_city]
    aname = _pick_person(rng, tt_group, used)
    pattern = rng.choice(["the {w} Institute for {f}", "the {w} Centre for {f}",
                          "the {w} Foundation", "the {w} Forum on {f}"])
    inst = pattern.format(w=rng.choice(THINK_TANK_WORDS), f=rng.choice(THINK_TANK_FIELDS))
    people["an"] = ("%s of %s in %s" % (aname, inst, tt_city), _surname(aname))
    return ctx, people


def _article(rng, idx, start, span_days):
    date = start + datetime.timedelta(days=rng.randrange(span_days))
    topic = rng.choice(TOPICS)
    ctx, people = _make_context(rng, topic, date)
    for _attempt in range(50):
        r = _Renderer(rng, ctx, people, topic)
        used = []

        def draw(cat):
            pool = BODY[topic] if cat == "topic" else GENERAL[cat]
            free = [_text(t) for t in pool if _fits(t, topic) and _text(t) not in used]
            if not free:
                return None
            t = rng.choice(free)
            used.append(t)
            return t

        def tail(sentence):
            if sentence.endswith('"') or len(sentence.split()) > 24 or rng.random() > tail_rate:
                return sentence
            if CLAIM.search(sentence):
                kind = rng.choice(["claim", "context"])
            elif SPEECH.search(sentence):
                kind = "context"
            else:
                kind = rng.choice(["attribution", "context"])
            free = [_text(t) for t in TAILS[kind] if _fits(t, topic) and _text(t) not in used]
            if not free:
                return sentence
            t = rng.choice(free)
            used.append(t)
            return sentence[:-1] + r.render(t) + sentence[-1]

        n_par = rng.randint(3, 6)
        tail_rate = rng.choice([0.1, 0.2, 0.3, 0.4])
        chosen = sorted(rng.sample(range(len(SECTIONS)), n_par - 1))
        plan = [["lead"] + ["topic"] * rng.randint(1, 3)]
        for si in chosen:
            cats = SECTIONS[si][1]
            k = rng.randint(2, len(cats))
            plan.append(cats[:k])
        paragraphs = []
        for p in plan:
            sents = []
            for cat in p:
                if cat == "lead":
                    t = rng.choice(LEADS[topic])
                    used.append(t)
                else:
                    t = draw(cat)
                if t is None:
                    continue
                sents.append(tail(_cap_first(r.render(t))))
            if sents:
                paragraphs.append(" ".join(sents))
        text = "\n\n".join(paragraphs)
        n_sent = sum(len(re.findall(r'[.!?]"?(?:\s|$)', p)) for p in paragraphs)
        n_words = len(text.split())
        if 8 <= n_sent <= 20 and 3 <= len(paragraphs) <= 6 and 300 <= n_words <= 600:
            break
    title = _cap_first(_Renderer(rng, ctx, {k: (v[1], v[1]) for k, v in people.items()})
                       .render(rng.choice(TITLES[topic])))
    return {"id": "synthetic-%04d" % idx, "title": title, "date": date.isoformat(), "text": text}


def build_corpus(n=240, seed=7):
    """Return ``n`` synthetic news articles as dicts {id, title, date, text}.

    Deterministic: the same ``n`` and ``seed`` always give the same corpus.
    """
    rng = random.Random(seed)
    start = datetime.date(2015, 1, 1)
    span = (datetime.date(2024, 12, 31) - start).days + 1
    return [_article(rng, i + 1, start, span) for i in range(n)]


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join("benchmarks", "corpus.jsonl")
    corpus = build_corpus()
    d = os.path.dirname(out)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for doc in corpus:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print("wrote %d articles to %s" % (len(corpus), out))


if __name__ == "__main__":
    main(sys.argv)
