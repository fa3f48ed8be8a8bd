"""Clip generators behind one interface (base.Provider): the local renderer and /videos services."""
