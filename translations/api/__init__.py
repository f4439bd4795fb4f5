"""The staff's resources of the REST API (``/api/v1/``), on ``records.api``'s ground.

Every write goes through the same services as the pages, so permissions, four eyes,
validation, merging and the audit are the pages' own.
"""
