"""SQLAlchemy models, sessions and queries. No Qt."""
