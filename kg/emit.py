"""Turn an article and what was extracted from it into RDF, with provenance for every fact.

Each article becomes one named graph holding its metadata and its facts. Every fact read from a
sentence is reified (a node with rdf:subject/predicate/object) and linked by gk:evidence to a
gk:Evidence: the sentence, its character offsets in the original file and its article. A sentence
is written once, however many facts it gives (about five); IRIs of both are hashes of what they
stand for, so re-ingesting a page writes the same triples.
"""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from kg import __version__, dates
from kg.extract.projects import in_yi
from kg.model import Article, Extraction, Page, Where
from kg.resolve import Resolver, person_identity
from kg.vocab import GK, PROV, Minter, Triples, digest

POST_CLASSES = {
    "party": GK.PartyPost,
    "government": GK.GovernmentPost,
    "legislative": GK.LegislativePost,
    "consultative": GK.ConsultativePost,
    "judicial": GK.JudicialPost,
    "diplomatic": GK.DiplomaticPost,
    "executive": GK.ExecutivePost,
}
ORG_CLASSES = {"enterprise": GK.Enterprise, "government": GK.GovernmentBody, "other": GK.Organization}


def run_iri(minter: Minter, page: Page) -> URIRef:
    """The extraction run of a page: the same content and version give the same run."""
    return minter.iri("run", digest(page.content_hash, __version__))


def page_graph(page: Page, minter: Minter) -> Triples:
    """The page's own record: its file, content hash, issue date, and the run that read it."""
    g: Triples = set()
    p, run = minter.page(page.source), run_iri(minter, page)
    agent = minter.iri("agent", f"govkg-{__version__}")
    g.add((p, RDF.type, GK.Page))
    g.add((p, GK.sourceFile, Literal(page.source)))
    g.add((p, GK.contentHash, Literal(page.content_hash)))
    g.add((p, GK.encoding, Literal(page.encoding)))
    if page.issue_date:
        g.add((p, GK.issueDate, Literal(page.issue_date, datatype=XSD.date)))
    if page.date_basis:
        g.add((p, GK.dateBasis, Literal(page.date_basis)))
    g.add((run, RDF.type, GK.ExtractionRun))
    g.add((run, PROV.used, p))
    g.add((run, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"govkg {__version__}")))
    return g


class _Writer:
    def __init__(self, article: Article, minter: Minter) -> None:
        self.article = article
        self.ids = Resolver(minter, article.page.source, article.position)
        self.a = self.ids.article
        self.minter = minter
        self.g: Triples = set()
        self.sentences: dict[Where, URIRef] = {}  # evidence already written, by the sentence's span

    def add(self, s: Node, p: Node, o: Node, where: Where | None = None) -> URIRef | None:
        """Add a fact, and when it was read from a sentence its statement linked to the sentence's
        evidence; returns the statement."""
        self.g.add((s, p, o))
        if where is None:
            return None
        statement = self.minter.iri("statement", digest(str(self.a), str(s), str(p), str(o)))
        self.g.update(((statement, RDF.subject, s), (statement, RDF.predicate, p), (statement, RDF.object, o),
                       (statement, GK.evidence, self._evidence(where))))
        return statement

    def _evidence(self, where: Where) -> URIRef:
        """The sentence at `where` as a gk:Evidence, written with the first fact read from it."""
        ev = self.sentences.get(where)
        if ev is None:
            start, end = where
            body = self.article.body
            first, last = body.origin(start, end)
            ev = self.sentences[where] = self.minter.iri("evidence", digest(str(self.a), str(start), str(end)))
            self.g.update((
                (ev, RDF.type, GK.Evidence),
                (ev, GK.sentence, Literal(body.text[start:end].strip())),
                (ev, GK.startOffset, Literal(first)), (ev, GK.endOffset, Literal(last)),
                (ev, PROV.wasQuotedFrom, self.a),
            ))
        return ev

    def mentioned(self, thing: URIRef, where: Where | None, prop: URIRef = GK.mentionedIn) -> None:
        self.add(thing, prop, self.a, where)


def article_graph(article: Article, found: Extraction, minter: Minter) -> Triples:
    """The named graph of one article: metadata, facts, evidence."""
    w = _Writer(article, minter)
    _metadata(w, minter)
    dated = Literal(article.date, datatype=XSD.date) if article.date else None
    orgs = {}
    for org in found.organizations:
        o = orgs[org.name] = w.ids.organization(org.name)
        w.add(o, RDF.type, ORG_CLASSES[org.kind])
        w.add(o, GK.name, Literal(org.name))
        for alias in org.aliases:
            orgs[alias] = o
            w.add(o, GK.alias, Literal(alias))
        w.mentioned(o, org.evidence)
    people = {}
    for person in found.persons:
        org, basis = person_identity(person)
        p = people[person.name] = w.ids.person(person.name, org)
        w.add(p, RDF.type, GK.Person)
        w.add(p, GK.name, Literal(person.name))
        w.add(p, GK.identityBasis, Literal(basis))
        w.mentioned(p, person.evidence)
        if person.official:  # named among 市领导: an official, whatever the post
            w.add(p, RDF.type, GK.Official, person.evidence)
        for post in person.posts:
            q = w.ids.post(person.name, post.title)
            w.add(q, RDF.type, POST_CLASSES.get(post.category or "", GK.Post))
            w.add(q, GK.title, Literal(post.title))
            w.add(p, GK.holdsPost, q, post.evidence)
            w.mentioned(q, post.evidence)
            if post.org and post.org in orgs:
                w.add(q, GK.postIn, orgs[post.org], post.evidence)
            if dated is not None:
                w.add(q, GK.observedOn, dated)
    meetings = []
    for i, meeting in enumerate(found.meetings):
        m = w.ids.meeting(i)
        meetings.append(m)
        w.add(m, RDF.type, GK.Meeting)
        w.add(m, RDFS.label, Literal(meeting.label))
        w.add(m, GK.meetingType, Literal(meeting.kind))
        w.mentioned(m, meeting.evidence, GK.reportedIn)
        if meeting.date:
            w.add(m, GK.date, Literal(meeting.date, datatype=XSD.date))
            w.add(m, GK.month, Literal(dates.month(meeting.date), datatype=XSD.gYearMonth))
        if meeting.number is not None:
            w.add(m, GK.sessionNumber, Literal(meeting.number))
        for name in meeting.chairs:
            w.add(m, GK.chairedBy, people.get(name) or w.ids.person(name), meeting.evidence)
        for name in meeting.attendees:
            w.add(m, GK.attendedBy, people.get(name) or w.ids.person(name), meeting.evidence)
        for name in meeting.organizations:
            if name in orgs:
                w.add(m, GK.involves, orgs[name], meeting.evidence)
    documents = {}
    for doc in found.documents:
        d = documents[doc.title] = w.ids.document(doc.title)
        w.add(d, RDF.type, GK.Document)
        w.add(d, GK.title, Literal(doc.title))
        w.mentioned(d, doc.evidence)
    for m, meeting in zip(meetings, found.meetings):
        for title in meeting.documents:
            if title in documents:
                w.add(documents[title], GK.approvedAt, m, meeting.evidence)
    for project in found.projects:
        j = w.ids.project(project.name)
        w.add(j, RDF.type, GK.Project)
        w.add(j, GK.name, Literal(project.name))
        w.mentioned(j, project.evidence)
        for alias in project.aliases:
            w.add(j, GK.alias, Literal(alias))
        for amount in project.amounts:
            statement = w.add(j, GK.amount, Literal(amount), project.evidence)
            yi = in_yi(amount)
            if statement is not None and yi is not None:  # kept as a number, for queries by size
                w.g.add((statement, GK.amountInYi, Literal(yi)))
        for name in project.organizations:
            if name in orgs:
                w.add(j, GK.involves, orgs[name], project.evidence)
    return w.g


def _metadata(w: _Writer, minter: Minter) -> None:
    article, a = w.article, w.a
    page = article.page
    w.add(a, RDF.type, GK.Article)
    w.add(a, GK.sourceFile, Literal(page.source))
    w.add(a, GK.onPage, minter.page(page.source))
    w.add(a, GK.position, Literal(article.position))
    w.add(a, GK.text, Literal(article.body.text))
    w.add(a, PROV.wasGeneratedBy, run_iri(minter, page))
    if article.source:
        w.add(a, GK.source, Literal(article.source))
    for line in article.headline:
        w.add(a, GK.headline, Literal(line.text))
    for name in article.authors:
        w.add(a, GK.author, Literal(name))
    if page.issue_date:
        w.add(a, GK.issueDate, Literal(page.issue_date, datatype=XSD.date))
    if article.date:
        w.add(a, GK.date, Literal(article.date, datatype=XSD.date))
    if article.date_basis:
        w.add(a, GK.dateBasis, Literal(article.date_basis))
