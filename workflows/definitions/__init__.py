"""The approval workflows, one module each (grant, internship, registration, advice), readable top to bottom.

Each is a proxy of Submission whose django-fsm transitions say who may move a case from where to where, under which
conditions and with which data. registry.py lists them; the transition service is the only caller of transitions.
"""
