"""Extraction: from an analysed Document to facts (entities, meetings, statements, topics).

Nothing here knows RDF. Each stage is a plain function; `kg.extract.pipeline.extract` runs them.
"""
