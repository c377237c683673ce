"""HTML components for the pages: accessible chart SVG, data tables and figures."""
