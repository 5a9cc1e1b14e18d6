"""Rules over validated ARGS that types cannot express: combinations, files, the environment.

Pure functions returning ``Problem`` lists; no Django, no granian import.
"""
