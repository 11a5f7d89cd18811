"""Reading what stands around an event trigger: whether a trigger word tells a happening at all.

The checks here answer from the sentence's tokens alone: a verb form used as a
noun ("in charge"), a change with no amount ("declined to comment"), a noun
only demanded, prevented or forecast, a word that must follow ("broke" a
record). ``event_roles.RoleReader`` builds on them to read the participants.
"""

from __future__ import annotations

from transforms.event_lexicon import EventWords, event_words
from transforms.phrases import sentence_tokens
from transforms.records import Sentence

# Pronoun subjects: "they raid" reads as a verb.
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its"})
# Where a clause ends, reading left or right from a trigger.
CLAUSE_BREAKS = frozenset({",", ";", ":", "that", "which", "who", "but", "while", "(", ")"})
# Determiners before a noun: "any signs of" reads "signs" as a noun.
DETERMINERS = frozenset({"a", "an", "the", "any", "no", "some", "these", "those", "this", "that", "its",
                         "their", "his", "her", "our", "my", "your", "every", "each"})
# Words before an amount or a phrase's head that are no part of a participant: "more than 250,000 people".
QUANTIFIERS = frozenset({"any", "some", "all", "no", "over", "about", "approximately", "around", "nearly",
                         "almost", "roughly", "more", "than", "at", "least", "up", "to", "most", "a", "an", "the",
                         "as", "many", "much"})
# Possessive endings: "Kyiv's raid".
POSSESSIVE = ("'s", "’s")
# Currency words after an amount: "raised 2 million euros".
MONEY_WORDS = frozenset({"euros", "euro", "dollars", "pounds", "yen", "yuan", "rupees", "francs"})


class TriggerContext:
    """The tokens of one sentence and the checks made on a trigger among them."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.tokens = sentence_tokens(sentence)
        self.words: EventWords = event_words()

    def reads_as_noun(self, first: int) -> bool:
        """"drone attacks", "Kyiv's raid", "the strike" read as nouns; "Russia attacks", "they raid" as verbs."""
        if first == 0:
            return True
        before = self.tokens.words[first - 1]
        lowered = self.tokens.lowered[first - 1]
        if lowered in PRONOUNS or lowered in self.words.skip_before_trigger:
            return False
        if lowered in DETERMINERS:
            return True  # "The increase would have", "The launch had been delayed"
        if before[0].isupper() and not before.endswith(POSSESSIVE) and before not in self.words.demonyms:
            return False
        return True

    def counted_before(self, first: int) -> bool:
        """True when a number comes within three words before ``first`` ("3 million artillery shells")."""
        words = self.tokens.words
        return any(word[0].isdigit() for word in words[max(0, first - 3):first])

    def verb_used_as_noun(self, first: int, form: str) -> bool:
        """True when a verb-only trigger's form stands where a noun does: right after a preposition ("in
        charge") or a number ("14 shell companies"), unless it is a participle ("after seizing", "12 injured")."""
        if first == 0 or form.endswith(("ing", "ed", "en")):
            return False
        before = self.tokens.lowered[first - 1]
        return before in self.words.noun_prepositions or before[0].isdigit()

    def unrealised(self, first: int, last: int) -> bool:
        """True when the noun trigger at ``first``-``last`` is kept from happening or only asked for: the object
        of a preventing or demanding word ("to stop outbreaks", "demanding a 7.5% pay rise", "a proposed 15%
        increase", with only determiners, amounts and modifiers between), or followed by "demanded" ("the 29%
        rise demanded by the union")."""
        lowered, words = self.tokens.lowered, self.words
        if last + 1 < len(lowered) and lowered[last + 1] in words.unrealising_participles:
            return True
        unrealising = words.unrealising_words
        if unrealising.isdisjoint(lowered[max(0, first - 5):first]):
            return False
        for index in range(first - 1, max(-1, first - 6), -1):
            word = lowered[index]
            if word in unrealising:
                return True
            if not (word.isalpha() or word[0].isdigit()) or word in words.verb_forms:
                return False
        return False

    def forecast(self, first: int, last: int) -> bool:
        """True when a measure noun at ``first``-``last`` is only expected: "expects revenue growth of 1% to 2%",
        "Analysts had expected profit of 2.1 billion euros" (forecasts are no events); "expected revenue to
        pass £7bn" expects a change, which stays (hedged)."""
        lowered, expecting = self.tokens.lowered, self.words.expectation_words
        if lowered[last + 1:last + 2] == ["to"] and lowered[last + 2:last + 3] and lowered[last + 2].isalpha():
            return False
        for index in range(first - 1, max(-1, first - 4), -1):
            word = lowered[index]
            if word in expecting:
                return True
            if not word.isalpha() or word not in self.words.measure_nouns and word not in self.words.triggers:
                return False
        return False

    def time_frame(self, first: int) -> bool:
        """True when the noun trigger at ``first`` only places something in time: "Before the pandemic, ..."."""
        lowered = self.tokens.lowered
        return first > 1 and lowered[first - 1] == "the" and lowered[first - 2] in self.words.time_frame_prepositions

    def priced(self, actor: str | None, target: str | None) -> bool:
        """True when what a cut lowers is a price, a rate or a budget ("cut rates", "cut the department's
        budget by 48%", "prices were cut"), not a risk or a supply."""
        cut_objects = self.words.cut_objects
        return any(phrase is not None and not cut_objects.isdisjoint(phrase.lower().replace("'s", "").split())
                   for phrase in (actor, target))

    def change_follows(self, last: int, form: str) -> bool:
        """True when an amount or a direction follows a change verb ("fell 22%", "rose to", "climbed sharply")."""
        words, lowered = self.tokens.words, self.tokens.lowered
        following = lowered[last + 1:last + 9]
        if form in self.words.refusal_forms and following[:1] == ["to"] and len(following) > 1 \
                and following[1].isalpha() and following[1] not in QUANTIFIERS:
            return False  # "declined to comment"
        if form in self.words.unmarked_changes:
            return True
        markers = self.words.change_markers
        for position, word in enumerate(following):  # to the clause's end: "cut the department's budget by 48%"
            if word in CLAUSE_BREAKS:
                return False
            if word in markers and words[last + 2 + position:last + 3 + position] and \
                    words[last + 2 + position] in self.words.not_places:
                return False  # "is expected to ease by Wednesday": a time, no amount
            if word in markers or word[0].isdigit() or word[0] in "$£€¥":
                return True
        return False

    def required_follows(self, last: int, required: frozenset[str]) -> bool:
        """True when a word ``required`` after a trigger comes later in its clause ("broke the world record",
        "ordered Veltrix to pay", "finished second"); "<money>" and "<placing>" stand for any amount of money
        and any placing."""
        words, lowered = self.tokens.words, self.tokens.lowered
        for index in range(last + 1, min(last + 13, len(words))):
            word = lowered[index]
            if word in CLAUSE_BREAKS and word not in ("that", "which", "who"):
                return False
            if word in required or ("<placing>" in required and word in self.words.placings) \
                    or ("<money>" in required and (word[0] in "$£€¥" or word in MONEY_WORDS)):
                return True
        return False

    def amount_follows(self, last: int) -> bool:
        """True when a number or an amount of money comes later in the trigger's clause ("revenue of £6.3bn")."""
        words = self.tokens.words
        for index in range(last + 1, min(last + 9, len(words))):
            word = words[index]
            if word in CLAUSE_BREAKS:
                return False
            if word[0].isdigit() or word[0] in "$£€¥":
                return True
        return False

    def labour_context(self) -> bool:
        """True when the sentence speaks of work ("resident doctors", "union", "pay"): a strike is a walkout."""
        labour = self.words.labour_words
        return any(word in labour for word in self.tokens.lowered)

    def money_follows(self, last: int) -> bool:
        """True when an amount of money comes right after the trigger ("raised $50m", "raised 2 million euros")."""
        words = self.tokens.words[last + 1:last + 4]
        return bool(words) and (words[0][0] in "$£€¥" or any(word.lower() in MONEY_WORDS for word in words))
