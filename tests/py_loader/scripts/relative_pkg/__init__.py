"""A package whose module uses relative imports."""
