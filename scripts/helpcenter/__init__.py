"""Build-time generator for the 小米分期 help center: importer, data loading, page rendering."""
