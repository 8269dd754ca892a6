"""Settings of the server the browser tests drive (a gunicorn process of its own).

The test settings, with uploaded files in a folder that the fixture chooses and that
outlives each process: ``load_demo`` writes the demo PDFs there and gunicorn serves them.

Wagtail's autosave is off here as in production (cms/settings/base.py, ADMIN_AUTOSAVE_MS):
left on, it saves an add form in the background about a second after a change, its first
save creates the object, and a submission of the add form that crosses that save creates the
object a second time.
"""

import os

from cms.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["BROWSER_MEDIA_ROOT"]
