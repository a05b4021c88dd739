"""Data contracts shared by the indexer and the application. Imports nothing of ours."""
