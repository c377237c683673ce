"""Golden files: reviewed, committed outputs that tests compare against."""
