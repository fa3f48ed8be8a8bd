"""A keyring backend package that is broken (as a damaged keyrings.alt install can be): importing it fails."""

raise ImportError("this keyring backend is broken on purpose (a test of HealthViz's plain message)")
