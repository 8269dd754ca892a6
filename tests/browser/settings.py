"""Settings of the server the browser tests drive (a gunicorn process of its own).

The test settings, with uploaded files in a folder that the fixture chooses and that
outlives each process: ``load_demo`` writes the demo PDFs there and gunicorn serves them.
"""

import os

from cms.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["BROWSER_MEDIA_ROOT"]
