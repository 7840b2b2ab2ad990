"""Text rules shared by every layer, standard library only: when two words are the
same (:mod:`.normalise`), which characters are invisible (:mod:`.invisible`), and how
dataset text is shown without ever being markup or control codes (:mod:`.escape`)."""
