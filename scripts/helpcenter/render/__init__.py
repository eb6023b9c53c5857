"""The generated pages and what they show: the page renderer, its templates, the diagram, QR codes, link previews."""
