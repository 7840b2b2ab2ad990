"""poc: who said what at the IPI seminar on protecting civilians."""

__version__ = "0.1.0"
