"""Settings of the server the browser tests drive (a gunicorn process of its own).

The test settings, with uploaded files in a folder that the fixture chooses and that
outlives each process: ``load_demo`` writes the demo PDFs there and gunicorn serves them.

Wagtail's autosave is off. Left on, it saves an add form in the background about a second
after a change (pages, and snippets with revisions such as memberships), and its first save
creates the object; a submission of the add form that crosses that save creates the object
a second time (a page is refused: slug in use). Whether and when it saves depends on timing
(it compares the form with a snapshot taken 2 s after loading), so on a loaded machine the
tests would race it; here a form is saved only when the test submits it.
"""

import os

from cms.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["BROWSER_MEDIA_ROOT"]
WAGTAIL_AUTOSAVE_INTERVAL = 0
