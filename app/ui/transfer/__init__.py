"""File import and export, the importer's messages in the interface language, and the meeting pack dialog."""
