MAX_LISTED = 20


class PopoloError(Exception):
    """A document that cannot be imported. ``problems`` are Italian sentences, each naming
    the JSON location it is about."""

    def __init__(self, problems):
        self.problems = list(problems)
        listed = self.problems[:MAX_LISTED]
        more = len(self.problems) - len(listed)
        text = "\n".join(f"- {problem}" for problem in listed)
        if more:
            text += f"\n… e altri {more} problemi."
        super().__init__(f"Il file non è stato importato (nessuna modifica):\n{text}")
