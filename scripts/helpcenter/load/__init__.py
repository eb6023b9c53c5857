"""Reading and checking the input: docs/data, the page sources, what mkdocs.yml gives the build."""
