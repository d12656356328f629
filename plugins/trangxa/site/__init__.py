"""What the news, procedures and report plugins share, each done one way, in one place.

- names: the names the plugins are registered under.
- accessors: what one plugin may read of another's work in the same build.
- generated: how a generated page or data file joins the site's files.
- feedfile: how a feed (news or procedures) becomes a file MkDocs writes.

Template folders and assets are added through trangxa.theme; the navigation is read as
plain values by trangxa.engine.cache.nav_outline.
"""
