"""Reading an event's participants around its trigger: actor, target, location and modality.

No parser: the actor is the subject before a verb trigger (or the possessor or
capitalised modifier of a noun trigger: "Kyiv's raid", "Ukrainian drone
attacks"), the target the phrase after it, read through "of" and "and"; a
passive ("1,000 had been killed", "soldiers deployed to fight") swaps them and
takes the actor from "by". The location comes from ``event_places``, the
modality from a hedge or negation in the clause before the trigger. All word
lists are in ``event_lexicon``.
"""

from __future__ import annotations

from functools import cache

from transforms.event_context import CLAUSE_BREAKS, DETERMINERS, POSSESSIVE, PRONOUNS, QUANTIFIERS, TriggerContext
from transforms.event_places import event_location, locative_places
from transforms.gazetteer import Place
from transforms.phrases import phrase_after, phrase_before
from transforms.records import Sentence
from transforms.source_cues import cues

# Noun triggers within this many tokens after a light verb absorb it ("launched a lightning offensive").
LIGHT_VERB_REACH = 4
# Openers of an adverbial before the subject: "Last August, Ukrainian forces ...", "On Monday, the ...".
_ADVERBIAL_OPENERS = frozenset({"last", "on", "in", "since", "after", "before", "however", "meanwhile", "earlier",
                                "later", "yesterday", "today", "during", "at", "by", "for", "with", "despite", "while",
                                "although", "according", "overnight", "this", "next", "within", "over", "amid"})
# After a bare participle these mark a reduced relative: "soldiers deployed to fight", "people killed by".
_REDUCED_RELATIVE_FOLLOWERS = frozenset({"to", "by", "into", "in", "on", "from"})
# Prepositions before a participle whose subject is the sentence's: "two weeks after seizing the town".
_PARTICIPLE_OPENERS = frozenset({"after", "before", "while", "since", "by", "when", "without", "despite"})
# Possessive determiners opening an object: "cut its funding".
_OWNERS = frozenset({"its", "their", "his", "her", "our"})
# Conjunctions that open a clause after a comma: ", as a heatwave gripped southern Europe".
_CONJUNCTIONS = frozenset({"as", "and", "but", "or", "so", "yet"})
# Prepositions inside a subject: "Shares in Kelmar", "The number of flying insects in Britain".
_SUBJECT_PREPOSITIONS = frozenset({"of", "in", "at", "for", "near", "on", "from"})


@cache
def _reporting_verbs() -> frozenset[str]:
    """The claim verbs of the attribution cues ("says", "estimates"): where a speaker ends and a claim begins."""
    return frozenset(cues()["claim_verbs"])


class RoleReader(TriggerContext):
    """Reads actor, target, location and modality around the triggers of one sentence."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(sentence)
        self._places: list[Place] | None = None
        self._subject: tuple[str | None] | None = None  # the sentence's main subject, once read

    def verb_roles(self, first: int, last: int, form: str, with_target: bool = True) -> tuple[str | None, str | None]:
        """(actor, target) of a verb trigger spanning tokens ``first`` to ``last``; the object is read only when
        it is the target and ``with_target``."""
        words, lowered, lexicon = self.tokens.words, self.tokens.lowered, self.words
        index = first
        skipped: set[str] = set()
        skip = lexicon.skip_before_trigger
        while index > 0 and lowered[index - 1] in skip:
            index -= 1
            skipped.add(lowered[index])
        intransitive = form in lexicon.intransitive
        if index > 0 and (words[index - 1] == "," or lowered[index - 1] in _PARTICIPLE_OPENERS
                          or lowered[index - 1] == "and" and index > 1 and words[index - 2] == ",") \
                and (form.endswith("ing") or "having" in skipped):
            # "..., two weeks after seizing the town"
            return self._main_subject(), self._object(last + 1) if with_target else None
        causes = lexicon.causative_forms
        if first > 1 and lowered[first - 1] == "to" and not causes.isdisjoint(lowered[max(0, first - 10):first - 1]):
            moved = self._subject_before(first - 1)
            cause = None
            if moved is not None:
                opening = moved[0] - 1
                while opening >= 0 and lowered[opening] in QUANTIFIERS:
                    opening -= 1  # "forcing more than 250,000 people to"
                cause = next((i for i in range(moved[1] - 1, opening - 1, -1) if i >= 0 and lowered[i] in causes),
                             None)
            if cause is not None:  # "forcing 250,000 people to evacuate", "The cyclone forced 40,000 people to"
                return self._main_subject(), self._phrase((cause + 1, moved[1]))
        if index > 1 and lowered[index - 1] == "and" and words[index - 2] != "," and skipped.isdisjoint(
                lexicon.passive_auxiliaries) and not form.endswith(("ed", "en")):
            # "France will withdraw its troops ... and hand over its bases": the verbs share the subject
            return self._main_subject(), None if intransitive or not with_target else self._object(last + 1)
        if index > 0 and lowered[index - 1] in PRONOUNS:
            return self._main_subject(), None if intransitive or not with_target else self._object(last + 1)
        found = self._after_report(self._subject_before(self._past_aside(index)))
        subject = self._phrase(found)
        if form in lexicon.undergoer_forms:
            return None, subject  # "More than 15,000 people have fled": the people are moved
        following = lowered[last + 1] if last + 1 < len(words) else ""
        passive = not intransitive and ("to" not in skipped or "been" in skipped or "be" in skipped) and (
            not skipped.isdisjoint(lexicon.passive_auxiliaries)
            or (not skipped and form.endswith(("ed", "en")) and (following in _REDUCED_RELATIVE_FOLLOWERS
                                                                 or self._shares_passive(found)))
        )
        if passive:
            return self._by_agent(last + 1), subject
        if subject is not None and subject.lower() in PRONOUNS:
            subject = self._main_subject() or subject
        return subject, None if intransitive or not with_target else self._object(last + 1)

    def _shares_passive(self, found: tuple[int, int] | None) -> bool:
        """True when a subject opens right after "and" in a passive sentence: "17 people were killed and 45
        others injured" (the second participle's auxiliary is left out)."""
        lowered = self.tokens.lowered
        return found is not None and found[0] > 1 and lowered[found[0] - 1] == "and" \
            and not self.words.passive_auxiliaries.isdisjoint(lowered[:found[0] - 1])

    def _past_aside(self, index: int) -> int:
        """Where the subject of a verb at ``index`` ends: before an aside set off by commas ("Services
        inflation, closely watched by the ECB, eased", "Sudan's war, now in its third year, has displaced")."""
        words = self.tokens.words
        if index < 2 or words[index - 1] != ",":
            return index
        for position in range(index - 2, max(0, index - 12), -1):
            if words[position] == ",":
                return position
            if not words[position][0].isalnum():
                break
        return index

    def _after_report(self, found: tuple[int, int] | None) -> tuple[int, int] | None:
        """"The agency estimates exports": a reporting verb inside a subject ends its speaker; what follows is
        the subject."""
        if found is None:
            return None
        lowered = self.tokens.lowered
        reports = _reporting_verbs()
        if reports.isdisjoint(lowered[found[0] + 1:found[1]]):
            return found
        for index in range(found[1] - 1, found[0], -1):
            if lowered[index] in reports:
                return index + 1, found[1]
        return found

    def _subject_before(self, index: int) -> tuple[int, int] | None:
        """The phrase before a verb, through the prepositions inside it: "Shares in Kelmar", "The number of
        flying insects in Britain", "Shelling near Al Qadr"."""
        tokens = self.tokens
        found = phrase_before(tokens, index, limit=12)
        extended = 0
        while found is not None and extended < 3 and found[0] >= 2 \
                and tokens.lowered[found[0] - 1] in _SUBJECT_PREPOSITIONS:
            outer = phrase_before(tokens, found[0] - 1, limit=6)
            if outer is None or index - outer[0] > 16:
                break
            found = (outer[0], found[1])
            extended += 1
        return found

    def noun_roles(self, first: int, last: int, event_type: str = "") -> tuple[str | None, str | None]:
        """(actor, target) of a noun trigger: "Kyiv's raid", "launched an offensive", "the invasion of Ukraine".

        A change's "in" names what changes ("a 19% jump in cocoa costs"); a measured noun's "of" + an amount is
        no target ("gusts of up to 98 mph"); an appositive ("..., a club record") is the main subject's."""
        words, lowered = self.tokens.words, self.tokens.lowered
        actor = None
        owner = self._possessor(first)
        if owner is not None:
            actor = words[owner][:-2]
            if actor in self.words.not_places:
                actor = None  # "Sunday's election": a time, not who acts
        else:
            light_verbs = self.words.light_verbs
            light = next((i for i in range(first - 1, max(-1, first - 1 - LIGHT_VERB_REACH), -1)
                          if lowered[i] in light_verbs), None)
            if light is not None:
                actor, _ = self.verb_roles(light, light, lowered[light], with_target=False)
            else:
                # "Ukrainian drone attacks": the capitalised words among the noun's modifiers.
                # "an army attack", "a police raid": a body's head noun among them.
                found = phrase_before(self.tokens, first, limit=4)
                modifiers = words[found[0]:found[1] + 1] if found else []
                actor = " ".join(word for word in modifiers
                                 if word[0].isupper() and word.isalpha() and word.lower() not in DETERMINERS) \
                    or next((word for word in modifiers if word.lower() in self.words.actor_modifiers), None)
                if actor is None and event_type in self.words.agent_of_types and modifiers \
                        and modifiers[-1].isalpha() and modifiers[-1].lower() not in DETERMINERS:
                    actor = modifiers[-1]  # "a measles outbreak": the disease
        target = None
        following = lowered[last + 1] if last + 1 < len(words) else ""
        if following == "of" and actor is None and event_type in self.words.agent_of_types:
            actor = self._object(last + 2)  # "an outbreak of Sudan ebolavirus": the disease, no target
        elif following in self.words.target_prepositions or following == "in" and \
                event_type in self.words.in_target_types:
            target = self._object(last + 2)
            if target is not None and (target[0].isdigit() or target in self.words.not_places) \
                    and event_type in self.words.measured_types:
                target = None  # "gusts of up to 98 mph", "a national record for July"
        elif following == "in" and event_type in self.words.marked_change_types and actor is None:
            actor = self._object(last + 2)  # "a 19% jump in cocoa costs"
            if actor is not None and actor[0].isdigit():
                actor = None  # "their biggest daily gain in 3 months": a time
        elif (following == "by" or following.endswith("ed") and following in self.words.verb_forms) and actor is None:
            # "a 4-1 home defeat by Paderborn", "an agreement signed by Paris and Dakar"
            agent = self._by_agent(last + 1)
            if agent is not None and agent.split()[0].lower() not in self.words.time_nouns \
                    and agent.split()[0] not in self.words.not_places:
                actor = agent
        if actor is None and self._appositive(first):
            actor = self._main_subject()  # "Striker Tomas Eriksen scored ..., a club record"
        return actor, target

    def _possessor(self, first: int) -> int | None:
        """The token of the possessive owning the noun at ``first``: "Kyiv's raid", "the government's £1.5
        billion investment" (through an amount and lower-case modifiers)."""
        words = self.tokens.words
        for index in range(first - 1, max(-1, first - 5), -1):
            word = words[index]
            if word.endswith(POSSESSIVE):
                return index
            if index < first - 1 and not (word[0].isdigit() or word[0] in "$£€¥" or word.islower()) \
                    or word in self.words.verb_forms or word.lower() in DETERMINERS:
                return None
            if index == first - 1 and not (word[0].isdigit() or word[0] in "$£€¥" or word.islower()):
                return None
        return None

    def _appositive(self, first: int) -> bool:
        """True when the noun at ``first`` opens a phrase set off by a comma (", a club record"): only a
        determiner and lower-case modifiers stand between them."""
        words = self.tokens.words
        for index in range(first - 1, max(-1, first - 5), -1):
            word = words[index]
            if word == ",":
                return words[index + 1].lower() in DETERMINERS  # ", a club record", not ", including three deaths"
            if not word.islower() or word in self.words.verb_forms or word in self.words.clause_openers \
                    or word in _CONJUNCTIONS:
                return False  # ", as a heatwave gripped": a clause of its own, no appositive
        return False

    def _object(self, index: int) -> str | None:
        """The phrase after a trigger, through "of" and "and": "over 1,000 km² of Russian territory"."""
        words, lowered = self.tokens.words, self.tokens.lowered
        if index < len(words) and lowered[index] in _OWNERS:
            index += 1  # "cut its funding for climate projects"
        opening = index
        while index < len(words) and lowered[index] in QUANTIFIERS:
            index += 1
        partitive = index > opening and index < len(words) and words[index] == "of"  # "most of the territory"
        found = phrase_after(self.tokens, index + 1 if partitive else index)
        if found is None:
            return None
        first, last = (index - 1, found[1]) if partitive else found
        if words[first] in self.words.not_places:
            return None  # "another rally for March 29", "a strike for Monday": a time, no participant
        for joiner in ("of", "and"):
            if last + 2 < len(words) and lowered[last + 1] == joiner:
                extra = phrase_after(self.tokens, last + 2)
                if extra is not None:
                    last = extra[1]
        return self.tokens.surface(first, last)

    def _by_agent(self, index: int) -> str | None:
        words = self.tokens.words
        for position in range(index, min(index + 6, len(words))):
            if words[position] == "by":
                agent = self._phrase(phrase_after(self.tokens, position + 1))
                return None if agent is None or agent[0].isdigit() else agent  # "cut by 5%": an amount
            if words[position] in CLAUSE_BREAKS:
                break
        return None

    def main_subject(self) -> str | None:
        return self._main_subject()

    def _main_subject(self) -> str | None:
        """The sentence's subject, after an opening adverbial ("Last August, Ukrainian forces ...")."""
        if self._subject is None:
            self._subject = (self._read_main_subject(),)
        return self._subject[0]

    def _read_main_subject(self) -> str | None:
        words, lowered = self.tokens.words, self.tokens.lowered
        start = 0
        if words and lowered[0] in _ADVERBIAL_OPENERS:
            start = next((index + 1 for index, word in enumerate(words[:7]) if word == ","), 0)
        found = phrase_after(self.tokens, start, limit=12)
        if found is None:
            return None
        first, last = found
        verbs, triggers = self.words.verb_forms, self.words.triggers
        for index in range(first + 1, last + 1):
            word = words[index]
            if word.islower() and (word.endswith("ed") or word in verbs and (
                    word not in triggers or triggers[word].is_verb)):  # "The cyclone": a noun trigger stays
                last = index - 1
                break
        return self._phrase((first, last))

    def _phrase(self, found: tuple[int, int] | None) -> str | None:
        if found is None:
            return None
        words, lowered, starts, ends = self.tokens.words, self.tokens.lowered, self.tokens.starts, self.tokens.ends
        first, last = found
        while first >= 2 and words[first - 1] == "-" and words[first - 2][0].isdigit() \
                and ends[first - 2] == starts[first - 1] and ends[first - 1] == starts[first]:
            first -= 2  # "The 23-year-old": the number is part of the word
        while first <= last and lowered[first] in QUANTIFIERS:
            first += 1
        if first > last:
            return None
        head = words[last]
        if first == last and head.islower() and head.endswith(("ed", "ing")):
            return None  # "withdrawn", "fighting": a verb, not a participant ("online spending" is one)
        return self.tokens.surface(first, last)

    def retyped(self, event_type: str, form: str, actor: str | None, target: str | None) -> str:
        """"won the election" is an election result: a generic type takes the type its target names;
        "cut its funding" is a funding cut; "inflation fell" an economic indicator, "prices fell" a price change."""
        words = self.words
        if target and form in words.cut_forms:
            table = words.cut_retype_by_target
            cut = next((table[word] for word in target.lower().split() if word in table), None)
            if cut is not None:
                return cut
        if event_type == "price_change" and actor:
            actor_words = set(actor.lower().replace("'s", "").split())
            if not actor_words.isdisjoint(words.indicator_words) and actor_words.isdisjoint(words.price_words):
                return "economic_indicator"
        if not target or event_type not in words.retypable:
            return event_type
        table = words.retype_by_target
        return next((table[word] for word in target.lower().split() if word in table), event_type)

    # -- where, how sure -----------------------------------------------------------------------
    def location(self, start: int, end: int) -> str | None:
        """Where the trigger at sentence offsets ``start``-``end`` happened (see ``event_places``)."""
        places = self._places
        if places is None:
            places = self._places = locative_places(self.tokens)
        return event_location(places, self.tokens, start, end, _reporting_verbs(), self.words.clause_openers)

    def modality(self, first: int) -> str:
        """negated / hedged from cue words in the clause before the trigger; else asserted."""
        lowered = self.tokens.lowered
        hedged = False
        negations, hedges, skip = self.words.negations, self.words.hedges, self.words.skip_before_trigger
        window = lowered[max(0, first - 8):first]
        if negations.isdisjoint(window) and hedges.isdisjoint(window):
            return "asserted"  # no cue word near: most triggers
        for index in range(first - 1, max(-1, first - 9), -1):
            word = lowered[index]
            if word in CLAUSE_BREAKS:
                break
            if word in negations:
                return "negated"
            if word in hedges and not (word.endswith("ed") and lowered[index + 1] not in skip
                                       and index + 1 != first):
                hedged = True  # "planned treatment fell": a participle before a noun hedges nothing
        return "hedged" if hedged else "asserted"
