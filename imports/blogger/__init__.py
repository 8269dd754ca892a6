"""The Blogger importer: ``read_export`` (reader.py) reads a classic export or a Takeout
``feed.atom`` into entries, ``import_export`` (importer.py) writes them as pages."""
