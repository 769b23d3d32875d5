"""redline's web API (`redline serve`): the store as JSON over HTTP.

- `queries`: the SQL for each resource, small functions with typed results (for the API and
  for a dashboard drawing from the same queries).
- `api`: the FastAPI application, `create_app(db_path)`.
"""
