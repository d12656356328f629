"""Publishing a built site into a web server's folder without deleting what trangxa did not make."""


class PublishError(Exception):
    """The site was not published; the message, in Vietnamese, says why and what to do."""
