//! Extraction tables live in the integration tests.
