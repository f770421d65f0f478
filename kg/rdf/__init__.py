"""The RDF stage: the only part of kg that turns facts into rdflib terms."""
