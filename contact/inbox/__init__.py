"""The therapist's enquiry inbox in the admin: a list, one enquiry per page, read and unread.

Wagtail's own submissions list (one column per question) stays as it is for
filtering by date and for the export, which the inbox links to.
"""
