"""Sentences that remember how they were said, so that they can be said again in another language.

Every sentence srank writes about data (findings, errors, hints, the words of
an "expected ..." list) is made by ``say(id, **params)``: a ``Message``, which
*is* its English text (a ``str``, equal to what srank always wrote) and also
keeps its message id and its parameters. ``Message.render(lang)`` writes it in
another language from that language's catalogue, ``messages/<lang>.toml``,
read and checked on first use; English never reads a file, so parsing in
English costs what it always did.

Templates use named placeholders, ``{name}``, so that a translation can put
them in any order. A parameter that is itself a Message is rendered in the
same language. Conversions and format specs mean the same in every template,
in each language's own typography:

* ``{name!r}`` quotes a piece of code or data: ``'G3G2'`` in English (Python's
  ``repr``), « G3G2 » in French (the quotes of the catalogue's [language] table);
* ``{name!l}`` lower-cases the first letter of the filled text ("A global rank"
  inside a sentence);
* ``{name:,}`` groups thousands with the catalogue's separator.

Alternatives ("a, b or c") are ``one_of(items)``, joined the language's way; a
wording that follows a count is two messages, ``<id>.one`` and ``<id>.other``,
said with ``say_count(id, count)``, each language choosing by the counts its
[language] table lists as singular (French: 0 and 1).

A catalogue must have every message id of the English source, with the same
placeholders and format specs, and no other; a missing or an extra entry, a
placeholder that English does not fill, or an empty text is an error on load,
so a catalogue can neither leave a sentence untranslated nor carry dead text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from ._english import MESSAGES
from ._languages import ENGLISH, language, language_file

TYPE_CHECKING = False  # srank --help says its words: typing itself would cost more than this module

if TYPE_CHECKING:
    import string
    from typing import Self

__all__ = [
    "ENGLISH_LANGUAGE",
    "LANGUAGE_FIELDS",
    "Catalogue",
    "Localized",
    "Message",
    "catalogue",
    "fill",
    "in_language",
    "localized",
    "one_of",
    "placeholders",
    "quoted",
    "read_catalogue",
    "say",
    "say_count",
]

LANGUAGE_FIELDS = ("name", "open_quote", "close_quote", "thousands_separator", "decimal_separator", "singular_counts")
"""The [language] table of a catalogue: its name in itself, its quotes, its number separators, and the
counts that take a noun's singular form ("1" in English and Spanish, "0 1" in French)."""
ENGLISH_LANGUAGE = {
    "name": "English",
    "open_quote": "'",
    "close_quote": "'",
    "thousands_separator": ",",
    "decimal_separator": ".",
    "singular_counts": "1",
}
_CONVERSIONS = (None, "r", "l")


class Message(str):
    """English text that keeps its message id (``key``) and parameters (``params``); ``render(lang)`` translates it.

    It is a ``str`` equal to the English text, so it compares, hashes, prints
    and pickles as that text does; concatenating it gives a plain ``str``
    that has forgotten how it was said (make a new message instead).
    """

    __slots__ = ("key", "params")
    key: str
    params: Mapping[str, object]

    def __new__(cls, key: str, params: Mapping[str, object], english: str) -> Self:
        self = str.__new__(cls, english)
        self.key = key
        self.params = params
        return self

    def render(self, lang: str) -> str:
        """The message in ``lang`` (any tag ``language()`` reads); plain English text for English."""
        code = language(lang)
        if code == ENGLISH:
            return str.__str__(self)
        return catalogue(code).fill(self.key, self.params)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.key, dict(self.params), str.__str__(self)))


def _rebuild(kind: type[Message], key: str, params: dict[str, object], english: str) -> Message:
    return kind.__new__(kind, key, params, english)


class Localized(Message):
    """A name given in several languages rather than taken from the catalogue (a place's name)."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        names = self.params["names"]
        assert isinstance(names, Mapping)
        return str(names.get(language(lang)) or str.__str__(self))


def localized(names: Mapping[str, str]) -> Localized:
    """A name in each language of ``names`` (English required), such as a nation's: "United States", "États-Unis"."""
    return Localized("", {"names": dict(names)}, names[ENGLISH])


class _OneOf(Message):
    """Items joined as alternatives, "a, b or c", with each language's separator and word for "or"."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        code = language(lang)
        items = self.params["items"]
        assert isinstance(items, tuple)
        if code == ENGLISH:
            return str.__str__(self)
        words = catalogue(code)
        return _joined([in_language(item, code) for item in items], words.templates, words.fill)


def _joined(
    items: Sequence[str], templates: Mapping[str, str], fill_in: Callable[[str, Mapping[str, str]], str]
) -> str:
    if len(items) <= 1:
        return "".join(items)
    return fill_in("list.or", {"items": templates["list.separator"].join(items[:-1]), "last": items[-1]})


class _Counted(Message):
    """A message whose wording follows a count: ``<key>.one`` or ``<key>.other``, by each language's rule."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        code = language(lang)
        if code == ENGLISH:
            return str.__str__(self)
        words = catalogue(code)
        return words.fill(f"{self.key}.{_form(self.params['count'], words.singular)}", self.params)


def _form(count: object, singular: frozenset[int]) -> str:
    return "one" if count in singular else "other"


def _singular(counts: str) -> frozenset[int]:
    return frozenset(int(count) for count in counts.split())


def say_count(key: str, /, count: float, **params: object) -> Message:
    """The message ``<key>.one`` or ``<key>.other``, as ``count`` asks in each language ("1 argument", "0 argument")."""
    filled = {"count": count, **params}
    english = _english_fill(f"{key}.{_form(count, _singular(ENGLISH_LANGUAGE['singular_counts']))}", filled)
    return _Counted(key, filled, english)


def one_of(items: Iterable[str]) -> Message:
    """``items`` as alternatives: "a, b or c" in English, "a, b ou c" in French."""
    listed = tuple(items)
    english = _joined([str(item) for item in listed], MESSAGES, _english_fill)
    return _OneOf("list.or", {"items": listed}, english)


def quoted(texts: Iterable[str], lang: str) -> str:
    """Texts in ``lang``'s quotes ('S Rank', « S Rank »), one after another: names in a message of the run's.

    >>> quoted(["Notes", "Ranks"], "fr")
    '«\u00a0Notes\u00a0», «\u00a0Ranks\u00a0»'
    """
    return ", ".join(in_language(say("text.quoted", text=text), lang) for text in texts)


def say(key: str, /, **params: object) -> Message:
    """The message ``key`` of the English source with ``params`` filled in; translatable with ``render``."""
    return Message(key, params, _english_fill(key, params))


def _english_fill(key: str, params: Mapping[str, object]) -> str:
    if key in _LOWER_FIRST:
        return _formatter(ENGLISH_LANGUAGE).vformat(MESSAGES[key], (), params)
    return MESSAGES[key].format_map(params)


def in_language(text: object, lang: str) -> str:
    """``text`` in ``lang``: a Message is rendered, any other text is returned as it is (it was never translatable)."""
    if isinstance(text, Message):
        return text.render(lang)
    return str(text)


class Said:
    """What an error and a finding share: an English ``message`` and ``hint``, said again in any language.

    ``.message`` and ``.hint`` stay English, for programs that match them; the ``*_in`` methods render
    the same sentences from the language's catalogue.
    """

    __slots__ = ()
    message: str
    hint: str | None

    def message_in(self, lang: str) -> str:
        """The message in another language.

        Args:
            lang: A language srank has, or a tag of one ("fr", "fr-CA", "es-MX", "fr_CA.UTF-8").

        Returns:
            The message in that language.

        Raises:
            ValueError: ``lang`` names no language srank has.

        Examples:
            >>> srank.parse_many(["G3G2"])[0].message_in("fr")
            'La plage 3-2 est inversée'
            >>> srank.parse("G2T4").findings[0].message_in("fr")
            'Le rang infraspécifique T4 est moins en péril que le rang de son espèce, G2'
        """
        return in_language(self.message, lang)

    def hint_in(self, lang: str) -> str | None:
        """The hint in another language.

        Args:
            lang: A language srank has, or a tag of one ("es", "es-MX").

        Returns:
            The hint in that language, or None when there is none.

        Examples:
            >>> srank.parse_many(["G3G2"])[0].hint_in("es")
            'escriba primero el número más bajo (más amenazado), como en G2G3'
            >>> srank.parse("G2T4").findings[0].hint_in("es")[:46]
            'una subespecie o variedad suele estar al menos'
        """
        return None if self.hint is None else in_language(self.hint, lang)


# -- templates ----------------------------------------------------------------------


# string (and the regular expression its Template compiles) is imported only when a formatter is needed:
# an English template without !l is filled by str.format_map, so a first parse in English needs none.


@functools.cache
def _formatter_class() -> type[string.Formatter]:
    import string

    class Formatter(string.Formatter):
        """str.format with srank's conversions, in one language's typography."""

        def __init__(self, typography: Mapping[str, str]) -> None:
            self.typography = typography

        def convert_field(self, value: object, conversion: str | None) -> object:
            if conversion == "l":
                text = str(value)
                return text[:1].lower() + text[1:]
            if conversion == "r" and self.typography is not ENGLISH_LANGUAGE and isinstance(value, str):
                # A text in the language's quotes, escaped as repr() escapes it; a number stays a number.
                return f"{self.typography['open_quote']}{repr(value)[1:-1]}{self.typography['close_quote']}"
            return super().convert_field(value, conversion)

        def format_field(self, value: object, format_spec: str) -> str:
            text = format(value, format_spec)
            if self.typography is ENGLISH_LANGUAGE or not isinstance(value, (int, float)):
                return text
            marks = {",": self.typography["thousands_separator"], ".": self.typography["decimal_separator"]}
            return "".join(marks.get(character, character) for character in text)

    return Formatter


def _formatter(typography: Mapping[str, str]) -> string.Formatter:
    """A formatter in ``typography``, the [language] table of a catalogue (ENGLISH_LANGUAGE for English)."""
    made: string.Formatter = _formatter_class()(typography)  # type: ignore[call-arg]
    return made


_LOWER_FIRST = frozenset(key for key, template in MESSAGES.items() if "!l}" in template)


def fill(template: str, params: Mapping[str, object]) -> str:
    """An English template filled: Python's own ``str.format``, but for the ``!l`` conversion."""
    if "!l}" in template:
        return _formatter(ENGLISH_LANGUAGE).vformat(template, (), params)
    return template.format_map(params)


def placeholders(template: str) -> dict[str, tuple[str | None, str]]:
    """Each ``{name}`` of a template with its conversion and format spec; ValueError if one is broken."""
    found: dict[str, tuple[str | None, str]] = {}
    import string

    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"{{{name}}} is not a named placeholder")
        if conversion not in _CONVERSIONS:
            raise ValueError(f"{{{name}!{conversion}}} is not a conversion srank knows (r, l)")
        if "{" in (spec or ""):
            raise ValueError(f"{{{name}:{spec}}} has a nested placeholder")
        found[name] = (conversion, spec or "")
    return found


# -- catalogues ---------------------------------------------------------------------


class Catalogue:
    """One language's templates by message id, and its typography; ``fill`` renders a message."""

    def __init__(self, lang: str, templates: Mapping[str, str], typography: Mapping[str, str]) -> None:
        self.lang = lang
        self.templates = templates
        self.typography = typography
        self.singular = _singular(typography["singular_counts"])
        self._formatter = _formatter(typography)

    def fill(self, key: str, params: Mapping[str, object]) -> str:
        values = {
            name: value.render(self.lang) if isinstance(value, Message) else value for name, value in params.items()
        }
        return self._formatter.vformat(self.templates[key], (), values)


@functools.cache
def catalogue(lang: str) -> Catalogue:
    """The checked catalogue of ``lang`` (a code of ``available_languages()``, not English), read once."""
    from ._errors import SrankError

    path = language_file("messages", lang)
    source = f"srank/messages/{lang}.toml"
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise SrankError(
            f"{source} is missing: every language but English needs its message catalogue beside its labels"
        ) from None
    return read_catalogue(lang, text, source)


def read_catalogue(lang: str, toml_text: str, source: str) -> Catalogue:
    """Parse and check one catalogue against the English source; SrankError names the file and the entries at fault."""
    import tomllib

    from ._errors import SrankError

    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        raise SrankError(f"{source} is not valid TOML: {error}") from None
    typography = data.pop("language", None)
    if not isinstance(typography, dict) or sorted(typography) != sorted(LANGUAGE_FIELDS):
        fields = ", ".join(LANGUAGE_FIELDS)
        raise SrankError(f"{source} needs a [language] table with exactly these entries: {fields}")
    templates = dict(_flatten(data, (), source))
    for name, value in typography.items():
        if not isinstance(value, str) or (not value and "quote" in name):
            raise SrankError(f"{source}: language.{name} must be text")
    if not all(count.isdigit() for count in typography["singular_counts"].split(" ")):
        raise SrankError(f'{source}: language.singular_counts lists counts, such as "1" or "0 1"')
    missing = sorted(MESSAGES.keys() - templates.keys())
    unused = sorted(templates.keys() - MESSAGES.keys())
    if missing:
        raise SrankError(f"{source} lacks messages: {', '.join(missing)}")
    if unused:
        raise SrankError(f"{source} has messages srank never says: {', '.join(unused)}")
    for key, template in templates.items():
        _check(key, template, source)
    return Catalogue(lang, templates, typography)


def _check(key: str, template: str, source: str) -> None:
    from ._errors import SrankError

    where = f"{source}: {key}"
    if not template.strip() and MESSAGES[key].strip():
        raise SrankError(f"{where} is empty")
    try:
        found = placeholders(template)
    except ValueError as error:
        raise SrankError(f"{where} has a broken placeholder: {error}") from None
    english = placeholders(MESSAGES[key])
    if found.keys() != english.keys():
        expected = ", ".join(f"{{{name}}}" for name in sorted(english)) or "none"
        raise SrankError(f"{where} has placeholders {', '.join(sorted(found)) or 'none'}; English has {expected}")
    for name, (_, spec) in found.items():
        if spec != english[name][1]:
            raise SrankError(f"{where}: {{{name}:{spec}}} must keep the English format spec {english[name][1]!r}")


def _flatten(data: Mapping[str, object], prefix: tuple[str, ...], source: str) -> Iterator[tuple[str, str]]:
    from ._errors import SrankError

    for name, item in data.items():
        key = (*prefix, name)
        if isinstance(item, Mapping):
            yield from _flatten(item, key, source)
        elif isinstance(item, str):
            yield ".".join(key), item
        else:
            raise SrankError(f"{source}: {'.'.join(key)} must be text, not {type(item).__name__}")
