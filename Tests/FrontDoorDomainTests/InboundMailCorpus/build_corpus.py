#!/usr/bin/env python3
"""Builds the inbound-mail test corpus: received emails made with Python's standard `email`
library, each as `NN-name.eml` (the exact bytes) beside `NN-name.json` (what a correct parser
finds in it). InboundMailTests.swift parses every .eml with InboundEmail.parse and checks it
against its .json, so the Swift tests need no Python.

Deterministic: fixed dates, Message-IDs and MIME boundaries, so a rerun writes identical bytes.
Stdlib only. Run from anywhere:  python3 build_corpus.py

Before writing, every expectation is checked against Python's own reading of the bytes
(addresses, subject, ids, the plain text from get_body(('plain',)).get_content(), the HTML from
get_body(('html',)), the attachments' bytes), so the .json says what the message really holds,
not what we hoped to encode. Where a mail reader shows something Python's get_body does not
(the text of an HTML-only message; the text parts either side of an inline photo) the
expectation is written by hand and its "note" says why.
"""

import hashlib
import html as htmllib
import json
import re
import sys
from pathlib import Path
from email import encoders, message_from_bytes, message_from_string, policy
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

HERE = Path(__file__).resolve().parent

LF = policy.default                     # modern EmailMessage API, "\n" line ends
CRLF = policy.SMTP                      # the same with "\r\n", as mail is on the wire
UTF8_HEADERS = policy.default.clone(utf8=True)   # RFC 6532: raw UTF-8 in headers (SMTPUTF8)
OLD = policy.compat32                   # the older API: headers written exactly as given
OLD_CRLF = policy.compat32.clone(linesep='\r\n')

COUNCIL = Address('Riverside Council', addr_spec='enquiries@riverside-council.example')
COUNCIL_TEXT = 'Riverside Council <enquiries@riverside-council.example>'

# Attachment bytes: "PDF-ish", "JPEG-ish" and "PNG-ish", with every byte value (CR, LF, NUL
# and 8-bit) in them, so a transfer decoding that touched line ends would show.
PDF = (b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
       + bytes(range(256)) + b'\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
JPEG = b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00' + bytes(reversed(range(256))) * 3 + b'\xff\xd9'
PNG = b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00' + bytes(range(0, 256, 3)) + b'IEND\xaeB`\x82'

CASES = []


def case(name, pol):
    """Registers a builder: it returns (message, expectations)."""
    def register(build):
        CASES.append((name, pol, build))
        return build
    return register


def date(minute):
    return f'Mon, 12 Jan 2026 09:{minute:02d}:00 +0000'


def expect(description, *, from_address, from_name='', to=(), cc=(), subject='', message_id=None,
           in_reply_to=(), references=(), text=None, attachments=(), automatic=False, reference=None, note=None):
    """What a correct parser finds. text=None: Python's get_body(('plain',)).get_content()."""
    return dict(description=description, from_address=from_address, from_name=from_name, to=list(to), cc=list(cc),
                subject=subject, message_id=message_id, in_reply_to=list(in_reply_to), references=list(references),
                text=text, attachments=list(attachments), automatic=automatic, reference=reference, note=note)


def fix_boundaries(message, name):
    """Every multipart gets a fixed boundary. Fixed width and a closing "==" so no boundary is
    a prefix of another (RFC 2046 asks composers for that)."""
    number = 0
    for part in message.walk():
        if part.get_content_maintype() == 'multipart':
            number += 1
            part.set_boundary(f'==FD-{name}-{number:02d}==')


# ---------------------------------------------------------------------------------------------
# The messages
# ---------------------------------------------------------------------------------------------

@case('01-plain-ascii', LF)
def plain_ascii():
    m = EmailMessage()
    m['From'] = Address('Margaret Okafor', addr_spec='margaret.okafor@example.org')
    m['To'] = COUNCIL
    m['Subject'] = 'Missed bin collection on Mill Lane'
    m['Date'] = date(1)
    m['Message-ID'] = '<01.plain-ascii@mail.example.org>'
    m.set_content('Hello,\n\nMy green bin was not collected on Monday.\nCould someone come back for it please?\n\n'
                  'Thanks,\nMargaret\n')
    return m, expect('Plain ASCII, one text/plain part, 7bit, LF line ends',
                     from_address='margaret.okafor@example.org', from_name='Margaret Okafor',
                     to=[COUNCIL.addr_spec], subject='Missed bin collection on Mill Lane',
                     message_id='01.plain-ascii@mail.example.org')


@case('02-rfc2047-q-welsh', LF)
def q_welsh():
    m = EmailMessage()
    m['From'] = Address('Siân Ŵyn-Jones', addr_spec='sian.wyn-jones@example.cymru')
    m['To'] = Address('Cyngor Glan yr Afon', addr_spec='ymholiadau@riverside-council.example')
    m['Cc'] = [Address('Gwenllïan ap Dafydd', addr_spec='gwenllian@example.cymru'),
               Address('Rhys Llŷr', addr_spec='rhys.llyr@example.cymru')]
    m['Subject'] = 'Casgliad gwastraff: dŵr yn y bin ar ôl y storm'
    m['Date'] = date(2)
    m['Message-ID'] = '<02.q-welsh@post.example.cymru>'
    m.set_content('Annwyl gyngor,\n\nMae dŵr wedi casglu yn y bin ailgylchu ar ôl y storm.\n'
                  'A allwch chi ei wagio ddydd Llun?\n\nDiolch yn fawr,\nSiân\n')
    return m, expect('RFC 2047 Q encoded words (mostly-ASCII Welsh with ŵ ŷ ô ï) in From, To, Cc and Subject; UTF-8 body',
                     from_address='sian.wyn-jones@example.cymru', from_name='Siân Ŵyn-Jones',
                     to=['ymholiadau@riverside-council.example'], cc=['gwenllian@example.cymru', 'rhys.llyr@example.cymru'],
                     subject='Casgliad gwastraff: dŵr yn y bin ar ôl y storm', message_id='02.q-welsh@post.example.cymru')


@case('03-rfc2047-b-emoji-accents', OLD)
def b_emoji():
    utf8_b = Charset('utf-8')
    utf8_b.header_encoding = BASE64
    m = MIMEText('Bonjour,\n\nLa fête de rue est prévue le 14 février 🎉. Pouvez-vous fermer la rue ?\n\n'
                 'Zoë\n', 'plain', 'utf-8')
    m['From'] = Header('Zoë Brontë-Ŷale 🌼', utf8_b, header_name='From').encode() + ' <zoe@example.fr>'
    m['To'] = COUNCIL_TEXT
    # Long enough to be split into two adjacent B words on two lines: the fold between them must vanish.
    m['Subject'] = Header('Fête de rue 🎉 — réunion déjà prévue: fermeture de la rue Élan, ŵ ŷ, café', utf8_b, header_name='Subject')
    m['Date'] = date(3)
    m['Message-ID'] = '<03.b-emoji@example.fr>'
    return m, expect('RFC 2047 B encoded words: emoji and accents in the From name; a Subject split into two adjacent B words '
                     'across a folded line; UTF-8 body in base64 (the compat32 API)',
                     from_address='zoe@example.fr', from_name='Zoë Brontë-Ŷale 🌼', to=[COUNCIL.addr_spec],
                     subject='Fête de rue 🎉 — réunion déjà prévue: fermeture de la rue Élan, ŵ ŷ, café',
                     message_id='03.b-emoji@example.fr')


@case('04-iso-8859-1-quoted-printable', OLD)
def latin1_qp():
    body = ('Bonjour,\n\nLe trottoir près de l\'école est endommagé depuis février.\n'
            'Coût estimé : £250 (à peu près ½ du budget).\nÀ bientôt,\nJosé Núñez\n')
    m = MIMEText(body, 'plain', 'iso-8859-1')   # compat32 encodes ISO-8859-1 bodies quoted-printable
    m['From'] = Header('José Núñez', 'iso-8859-1').encode() + ' <jose.nunez@example.es>'
    m['To'] = COUNCIL_TEXT
    m['Subject'] = Header('Réclamation : trottoir endommagé près de l\'école', 'iso-8859-1', header_name='Subject')
    m['Date'] = date(4)
    m['Message-ID'] = '<04.latin1@example.es>'
    return m, expect('ISO-8859-1 body in quoted-printable; ISO-8859-1 Q encoded words in From and Subject',
                     from_address='jose.nunez@example.es', from_name='José Núñez', to=[COUNCIL.addr_spec],
                     subject='Réclamation : trottoir endommagé près de l\'école', message_id='04.latin1@example.es')


@case('05-windows-1252-outlook', OLD_CRLF)
def windows_1252():
    cp1252 = Charset('windows-1252')
    cp1252.header_encoding = QP
    cp1252.body_encoding = QP
    body = ('Hi,\n\nThe council\u2019s \u201cbulky waste\u201d form didn\u2019t work \u2013 it charged me \u20ac20 '
            'instead of \u00a318\u2026\n\nRegards,\nDeclan O\u2019Neill\n')
    m = MIMEText(body, 'plain', cp1252)
    m['From'] = Header('Declan O\u2019Neill', cp1252).encode() + ' <declan.oneill@example.ie>'
    m['To'] = COUNCIL_TEXT
    m['Subject'] = Header('\u201cBulky waste\u201d payment \u2013 \u20ac20?', cp1252, header_name='Subject')
    m['Date'] = date(5)
    m['Message-ID'] = '<05.cp1252@EXCHANGE.example.ie>'
    m['X-Mailer'] = 'Microsoft Outlook 16.0'
    return m, expect('Windows-1252 (Outlook): quoted-printable body with curly quotes, en dash, euro, pound and ellipsis, '
                     'a soft line break inside the euro amount; Windows-1252 Q words in From and Subject; CRLF line ends',
                     from_address='declan.oneill@example.ie', from_name='Declan O\u2019Neill', to=[COUNCIL.addr_spec],
                     subject='\u201cBulky waste\u201d payment \u2013 \u20ac20?', message_id='05.cp1252@EXCHANGE.example.ie')


@case('06-utf8-base64-body', LF)
def utf8_base64():
    m = EmailMessage()
    m['From'] = Address('Agnieszka Wiśniewska', addr_spec='a.wisniewska@example.pl')
    m['To'] = COUNCIL
    m['Subject'] = 'Zdjęcie: nielegalne wysypisko 🚮'
    m['Date'] = date(6)
    m['Message-ID'] = '<06.base64@example.pl>'
    m.set_content('Dzień dobry,\n\nNa ulicy Młyńskiej ktoś zostawił stare meble 🛋️ i worki ze śmieciami.\n'
                  'Proszę o szybkie usunięcie.\n\nZ poważaniem,\nAgnieszka Wiśniewska\n', cte='base64')
    return m, expect('UTF-8 body in base64 (Polish and emoji); B encoded Subject with emoji',
                     from_address='a.wisniewska@example.pl', from_name='Agnieszka Wiśniewska', to=[COUNCIL.addr_spec],
                     subject='Zdjęcie: nielegalne wysypisko 🚮', message_id='06.base64@example.pl')


@case('07-multipart-alternative', LF)
def alternative():
    m = EmailMessage()
    m['From'] = Address('Priya Shah', addr_spec='priya.shah@example.co.uk')
    m['To'] = COUNCIL
    m['Subject'] = 'Council tax band query'
    m['Date'] = date(7)
    m['Message-ID'] = '<CAF7x9k=07.alternative@mail.gmail.example>'
    m.set_content('Hi,\n\nI think our council tax band is wrong — it says band E, but our neighbours are band C.\n'
                  'The bill is £2,310.\n\nPriya\n')
    m.add_alternative('<div dir="ltr">Hi,<div><br></div><div>I think our council tax band is wrong — it says band E, '
                      'but our neighbours are band C.</div><div>The bill is £2,310.</div><div><br></div><div>Priya</div></div>\n',
                      subtype='html')
    return m, expect('multipart/alternative (Gmail-like): text/plain and text/html, UTF-8 quoted-printable',
                     from_address='priya.shah@example.co.uk', from_name='Priya Shah', to=[COUNCIL.addr_spec],
                     subject='Council tax band query', message_id='CAF7x9k=07.alternative@mail.gmail.example')


HTML_ONLY = '''<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Report a pothole</title>
<style>
  body { font-family: Arial, sans-serif; }
</style>
</head>
<body>
<h1>Pothole on Station Road</h1>
<p>Dear council,</p>
<p>There is a deep pothole outside number&nbsp;14 &amp; it&#8217;s getting worse.<br>It&#39;s about 30&nbsp;cm wide &lt;and&gt; &quot;dangerous&quot; for cyclists.</p>
<ul>
  <li>First noticed: 3 January</li>
  <li>Repair estimate: &pound;120 — Łódź-style 😬</li>
</ul>
<div>Regards,<br/>Tomasz Kowalski</div>
<p>Sent from the <a href="https://example.org/report">Report It</a> form</p>
</body>
</html>
'''

HTML_ONLY_TEXT = ('Pothole on Station Road\n\nDear council,\n\n'
                  'There is a deep pothole outside number 14 & it\u2019s getting worse.\n'
                  'It\'s about 30 cm wide <and> "dangerous" for cyclists.\n\n'
                  'First noticed: 3 January\n\nRepair estimate: £120 — Łódź-style 😬\n\n'
                  'Regards,\nTomasz Kowalski\n\nSent from the Report It form')

HTML_ONLY_NOTE = ('HTML only, so the text is made from the HTML: head/style/title dropped, <h1> <p> <li> <div> ends and <br> '
                  'become line breaks, each line trimmed, three or more line ends become one blank line, entities '
                  '(&nbsp; as a plain space) decoded, no trailing newline. A block end followed by a line end in the '
                  'source gives a blank line (so list items are a blank line apart), which reads sensibly as plain text.')


@case('08-html-only', LF)
def html_only():
    m = EmailMessage()
    m['From'] = Address('Tomasz Kowalski', addr_spec='tomasz.kowalski@example.com')
    m['To'] = COUNCIL
    m['Subject'] = 'Pothole on Station Road'
    m['Date'] = date(8)
    m['Message-ID'] = '<08.html-only@forms.example.org>'
    m.set_content(HTML_ONLY, subtype='html')
    return m, expect('HTML only (text/html, UTF-8): the text is derived from the HTML',
                     from_address='tomasz.kowalski@example.com', from_name='Tomasz Kowalski', to=[COUNCIL.addr_spec],
                     subject='Pothole on Station Road', message_id='08.html-only@forms.example.org',
                     text=HTML_ONLY_TEXT, note=HTML_ONLY_NOTE)


@case('09-attachments-rfc2231-filenames', LF)
def attachments_2231():
    m = EmailMessage()
    m['From'] = Address('Gwilym Prys', addr_spec='gwilym.prys@example.cymru')
    m['To'] = COUNCIL
    m['Subject'] = 'Planning objection with photos'
    m['Date'] = date(9)
    m['Message-ID'] = '<09.rfc2231@example.cymru>'
    m.set_content('Please find my objection letter and a photo of the site attached.\n\nGwilym\n')
    m.add_attachment(PDF, maintype='application', subtype='pdf', filename='Llythyr gwrthwynebu – café ŵ.pdf')
    m.add_attachment(JPEG, maintype='image', subtype='jpeg', filename='Llun ŷ safle.jpg')
    return m, expect('multipart/mixed: text plus a PDF and a JPEG whose non-ASCII file names are RFC 2231 (filename*=utf-8\'\'…)',
                     from_address='gwilym.prys@example.cymru', from_name='Gwilym Prys', to=[COUNCIL.addr_spec],
                     subject='Planning objection with photos', message_id='09.rfc2231@example.cymru',
                     attachments=[('Llythyr gwrthwynebu – café ŵ.pdf', 'application/pdf', PDF),
                                  ('Llun ŷ safle.jpg', 'image/jpeg', JPEG)])


@case('10-attachments-rfc2047-filenames', OLD)
def attachments_2047():
    m = MIMEMultipart('mixed')
    m['From'] = Header('Chloé Dubois', 'utf-8').encode() + ' <chloe.dubois@example.fr>'
    m['To'] = COUNCIL_TEXT
    m['Subject'] = 'Parking permit documents'
    m['Date'] = date(10)
    m['Message-ID'] = '<10.rfc2047-names@example.fr>'
    m.attach(MIMEText('Here are my proof of address and my photo.\n\nChloé\n', 'plain', 'utf-8'))
    # Outlook and Gmail put RFC 2047 words inside the quoted name/filename; readers decode them.
    pdf_name = 'Justificatif de domicile – Chloé.pdf'
    pdf = MIMEBase('application', 'pdf')
    pdf.set_payload(PDF)
    encoders.encode_base64(pdf)
    encoded = Header(pdf_name, 'utf-8').encode()
    pdf.replace_header('Content-Type', f'application/pdf; name="{encoded}"')
    pdf['Content-Disposition'] = f'attachment; filename="{encoded}"'
    m.attach(pdf)
    jpg = MIMEImage(JPEG, 'jpeg')
    jpg_encoded = Header('Photo d\'identité.jpg', 'iso-8859-1').encode()
    jpg.replace_header('Content-Type', f'image/jpeg; name="{jpg_encoded}"')
    jpg['Content-Disposition'] = f'attachment; filename="{jpg_encoded}"'
    m.attach(jpg)
    return m, expect('Attachments named the Outlook/Gmail way: RFC 2047 encoded words inside quoted name= and filename= '
                     '(UTF-8 B and ISO-8859-1 Q)',
                     from_address='chloe.dubois@example.fr', from_name='Chloé Dubois', to=[COUNCIL.addr_spec],
                     subject='Parking permit documents', message_id='10.rfc2047-names@example.fr',
                     attachments=[(pdf_name, 'application/pdf', PDF), ('Photo d\'identité.jpg', 'image/jpeg', JPEG)])


@case('11-nested-mixed-alternative-attachment', LF)
def nested_alternative():
    m = EmailMessage()
    m['From'] = Address('Oluwaseun Adeyemi', addr_spec='seun.adeyemi@example.com')
    m['To'] = COUNCIL
    m['Subject'] = 'Housing benefit evidence'
    m['Date'] = date(11)
    m['Message-ID'] = '<11.nested-alt@example.com>'
    m.set_content('Good morning,\n\nAttached is my tenancy agreement as requested.\n\nSeun\n')
    m.add_alternative('<p>Good morning,</p>\n<p>Attached is my <b>tenancy agreement</b> as requested.</p>\n<p>Seun</p>\n',
                      subtype='html')
    m.add_attachment(PDF, maintype='application', subtype='pdf', filename='tenancy-agreement.pdf')
    return m, expect('multipart/mixed > (multipart/alternative (plain, html), application/pdf attachment)',
                     from_address='seun.adeyemi@example.com', from_name='Oluwaseun Adeyemi', to=[COUNCIL.addr_spec],
                     subject='Housing benefit evidence', message_id='11.nested-alt@example.com',
                     attachments=[('tenancy-agreement.pdf', 'application/pdf', PDF)])


@case('12-nested-mixed-related-alternative', LF)
def nested_related():
    m = EmailMessage()
    m['From'] = Address('Fatima Rahman', addr_spec='fatima.rahman@example.org')
    m['To'] = COUNCIL
    m['Subject'] = 'Broken street light (photo inline)'
    m['Date'] = date(12)
    m['Message-ID'] = '<12.nested-related@example.org>'
    # mixed > related > (alternative, inline image), then the attachment. Python's make_related()
    # wraps the other way round (alternative > related), so the tree is put together by hand.
    alternative = EmailMessage()
    alternative.set_content('The street light outside 22 Park Road is broken. Photo below and map attached.\n\nFatima\n')
    alternative.add_alternative('<p>The street light outside 22 Park Road is broken. Photo below and map attached.</p>\n'
                                '<p><img src="cid:light.12@example.org" alt="photo"></p>\n<p>Fatima</p>\n', subtype='html')
    image = EmailMessage()
    image.set_content(PNG, maintype='image', subtype='png', cid='<light.12@example.org>', filename='street-light.png',
                      disposition='inline')
    related = EmailMessage()
    related['Content-Type'] = 'multipart/related; type="multipart/alternative"'
    related.attach(alternative)
    related.attach(image)
    document = EmailMessage()
    document.set_content(PDF, maintype='application', subtype='pdf', filename='map.pdf', disposition='attachment')
    m['MIME-Version'] = '1.0'
    m['Content-Type'] = 'multipart/mixed'
    m.attach(related)
    m.attach(document)
    return m, expect('multipart/mixed > multipart/related > (multipart/alternative (plain, html), inline image/png with '
                     'Content-ID), then a PDF. The inline image is kept as an attachment too (every non-text leaf is).',
                     from_address='fatima.rahman@example.org', from_name='Fatima Rahman', to=[COUNCIL.addr_spec],
                     subject='Broken street light (photo inline)', message_id='12.nested-related@example.org',
                     attachments=[('street-light.png', 'image/png', PNG), ('map.pdf', 'application/pdf', PDF)])


@case('13-reply-with-case-reference', LF)
def reply():
    m = EmailMessage()
    m['From'] = Address('Margaret Okafor', addr_spec='margaret.okafor@example.org')
    m['To'] = COUNCIL
    m['Subject'] = 'Re: FD-2026-000123 Missed bin collection'
    m['Date'] = date(13)
    m['Message-ID'] = '<13.reply@mail.example.org>'
    m['In-Reply-To'] = '<case-FD-2026-000123.3@riverside-council.example>'
    m['References'] = ('<01.plain-ascii@mail.example.org> <case-FD-2026-000123.1@riverside-council.example> '
                       '<case-FD-2026-000123.3@riverside-council.example>')
    m.set_content('Thank you, but it still has not been collected.\n\nMargaret\n\n'
                  'On Tue, 13 Jan 2026 at 10:02, Riverside Council wrote:\n'
                  '> Your case FD-2026-000123 has been updated.\n>\n> We will collect your bin on Wednesday.\n')
    return m, expect('A reply: In-Reply-To and a three-id References (folded), "Re: FD-2026-000123 …" subject, quoted text',
                     from_address='margaret.okafor@example.org', from_name='Margaret Okafor', to=[COUNCIL.addr_spec],
                     subject='Re: FD-2026-000123 Missed bin collection', message_id='13.reply@mail.example.org',
                     in_reply_to=['case-FD-2026-000123.3@riverside-council.example'],
                     references=['01.plain-ascii@mail.example.org', 'case-FD-2026-000123.1@riverside-council.example',
                                 'case-FD-2026-000123.3@riverside-council.example'],
                     reference='FD-2026-000123')


@case('14-auto-submitted-auto-replied', LF)
def auto_replied():
    m = EmailMessage()
    m['From'] = Address('Margaret Okafor', addr_spec='margaret.okafor@example.org')
    m['To'] = COUNCIL
    m['Subject'] = 'Automatic reply: FD-2026-000123 Missed bin collection'
    m['Date'] = date(14)
    m['Message-ID'] = '<14.auto-replied@mail.example.org>'
    m['In-Reply-To'] = '<case-FD-2026-000123.4@riverside-council.example>'
    m['Auto-Submitted'] = 'auto-replied'
    m.set_content('I am away until 19 January and will reply when I am back.\n')
    return m, expect('An auto-reply (Auto-Submitted: auto-replied) that still names a case: automatic, never answered',
                     from_address='margaret.okafor@example.org', from_name='Margaret Okafor', to=[COUNCIL.addr_spec],
                     subject='Automatic reply: FD-2026-000123 Missed bin collection', message_id='14.auto-replied@mail.example.org',
                     in_reply_to=['case-FD-2026-000123.4@riverside-council.example'], automatic=True, reference='FD-2026-000123')


@case('15-out-of-office-x-autoreply', LF)
def x_autoreply():
    m = EmailMessage()
    m['From'] = Address('Daniel Hughes', addr_spec='daniel.hughes@example.net')
    m['To'] = COUNCIL
    m['Subject'] = 'Out of Office: Your recycling collection'
    m['Date'] = date(15)
    m['Message-ID'] = '<15.x-autoreply@example.net>'
    m['X-Autoreply'] = 'yes'
    m.set_content('Thank you for your email. I am out of the office with limited access to email.\n')
    return m, expect('An out-of-office marked only by X-Autoreply: yes', from_address='daniel.hughes@example.net',
                     from_name='Daniel Hughes', to=[COUNCIL.addr_spec], subject='Out of Office: Your recycling collection',
                     message_id='15.x-autoreply@example.net', automatic=True)


@case('16-out-of-office-precedence-bulk', LF)
def precedence_bulk():
    m = EmailMessage()
    m['From'] = 'Hannah Evans <h.evans@example.net>'
    m['To'] = COUNCIL
    m['Subject'] = 'On holiday (was: Your garden waste subscription)'
    m['Date'] = date(16)
    m['Message-ID'] = '<16.precedence-bulk@example.net>'
    m['Precedence'] = 'bulk'
    m.set_content('I am on holiday until Monday 26 January.\n')
    return m, expect('An out-of-office from a vacation program: Precedence: bulk', from_address='h.evans@example.net',
                     from_name='Hannah Evans', to=[COUNCIL.addr_spec],
                     subject='On holiday (was: Your garden waste subscription)', message_id='16.precedence-bulk@example.net',
                     automatic=True)


DSN_TEXT = ('Reporting-MTA: dns; mx1.example.net\nArrival-Date: Mon, 12 Jan 2026 09:16:58 +0000\n\n'
            'Final-Recipient: rfc822; no.such.person@example.net\nAction: failed\nStatus: 5.1.1\n'
            'Diagnostic-Code: smtp; 550 5.1.1 User unknown\n')


@case('17-bounce-multipart-report', OLD)
def bounce():
    original = MIMEText('Your case FD-2026-000200 has been updated.\n')
    original['From'] = COUNCIL_TEXT
    original['To'] = 'no.such.person@example.net'
    original['Subject'] = 'Your case FD-2026-000200'
    original['Message-ID'] = '<case-FD-2026-000200.1@riverside-council.example>'
    report = MIMEMultipart('report', report_type='delivery-status')
    report['Return-Path'] = '<>'
    report['From'] = 'Mail Delivery System <MAILER-DAEMON@mx1.example.net>'
    report['To'] = 'enquiries@riverside-council.example'
    report['Subject'] = 'Undelivered Mail Returned to Sender'
    report['Date'] = date(17)
    report['Message-ID'] = '<17.bounce@mx1.example.net>'
    report.attach(MIMEText('This is the mail system at host mx1.example.net.\n\n'
                           'I\'m sorry to have to inform you that your message could not\nbe delivered to one or more '
                           'recipients.\n\n<no.such.person@example.net>: host mx1.example.net said: 550 5.1.1\n'))
    status = Message()
    status.set_type('message/delivery-status')
    blocks = []
    for block_text in DSN_TEXT.strip('\n').split('\n\n'):
        block = Message()
        for line in block_text.split('\n'):
            key, value = line.split(': ', 1)
            block[key] = value
        blocks.append(block)
    status.set_payload(blocks)
    report.attach(status)
    report.attach(MIMEMessage(original))
    for name in ('MIME-Version', 'Content-Type'):      # after the delivery headers, as an MTA writes them
        value = report[name]
        del report[name]
        report[name] = value
    return report, expect('A bounce (Postfix-like): empty Return-Path <>, From MAILER-DAEMON, multipart/report with '
                          'text/plain, message/delivery-status and the returned message/rfc822 (both kept as attachments, '
                          'the message as "attached-message.eml", the status as "attachment")',
                          from_address='mailer-daemon@mx1.example.net', from_name='Mail Delivery System',
                          to=['enquiries@riverside-council.example'], subject='Undelivered Mail Returned to Sender',
                          message_id='17.bounce@mx1.example.net', automatic=True,
                          attachments=[('attachment', 'message/delivery-status', DSN_TEXT.encode()),
                                       ('attached-message.eml', 'message/rfc822', original.as_bytes(policy=OLD))])


@case('18-mailing-list', LF)
def mailing_list():
    m = EmailMessage()
    m['From'] = Address('Riverside Residents\' Association', addr_spec='announce@lists.riverside-residents.example')
    m['To'] = Address('Riverside Residents', addr_spec='residents@lists.riverside-residents.example')
    m['Cc'] = COUNCIL
    m['Subject'] = '[Residents] Street party road closure on 14 February'
    m['Date'] = date(18)
    m['Message-ID'] = '<18.list@lists.riverside-residents.example>'
    m['List-Id'] = 'Riverside Residents <residents.lists.riverside-residents.example>'
    m['List-Unsubscribe'] = '<mailto:residents-leave@lists.riverside-residents.example>'
    m['Sender'] = 'residents-bounces@lists.riverside-residents.example'
    m.set_content('Dear members,\n\nThe road will be closed from 10:00 to 18:00.\n\n'
                  '-- \nYou are receiving this because you joined the Riverside Residents list.\n')
    return m, expect('A mailing-list message (List-Id, List-Unsubscribe, no Precedence) copied to the council',
                     from_address='announce@lists.riverside-residents.example', from_name='Riverside Residents\' Association',
                     to=['residents@lists.riverside-residents.example'], cc=[COUNCIL.addr_spec],
                     subject='[Residents] Street party road closure on 14 February',
                     message_id='18.list@lists.riverside-residents.example', automatic=True)


@case('19-quoted-display-names', LF)
def quoted_names():
    m = EmailMessage()
    m['From'] = Address('Okafor, Margaret', addr_spec='Margaret.Okafor@Example.ORG')
    m['To'] = [Address('Riverside Council, Waste Services', addr_spec='waste@riverside-council.example'),
               Address('Margaret "Maggie" Okafor', addr_spec='maggie@example.org')]
    m['Cc'] = [Address(addr_spec='plain.address@example.org'),
               Address('Ó Briain, Seán', addr_spec='sean.obriain@example.ie'),
               Address('Smith, J. (Cllr)', addr_spec='cllr.smith@riverside-council.example')]
    m['Subject'] = 'Bin collection for my mother'
    m['Date'] = date(19)
    m['Message-ID'] = '<19.quoted@Example.ORG>'
    m.set_content('Please note my mother\'s bins need an assisted collection.\n')
    return m, expect('Quoted display names with commas ("Okafor, Margaret"), escaped quotes, a bare address, a '
                     'non-ASCII name with a comma (encoded word) and parentheses; mixed-case addresses (read lower-cased)',
                     from_address='margaret.okafor@example.org', from_name='Okafor, Margaret',
                     to=['waste@riverside-council.example', 'maggie@example.org'],
                     cc=['plain.address@example.org', 'sean.obriain@example.ie', 'cllr.smith@riverside-council.example'],
                     subject='Bin collection for my mother', message_id='19.quoted@Example.ORG')


@case('20-long-folded-headers', LF)
def folded():
    m = EmailMessage()
    m['From'] = Address('Bartholomew Fitzwilliam-Montgomery', addr_spec='bartholomew.fitzwilliam-montgomery@long-domain-name.example.org')
    recipients = [Address(f'Ward Councillor Number {n}', addr_spec=f'councillor.{n}@riverside-council.example') for n in range(1, 7)]
    m['To'] = [COUNCIL] + recipients
    subject = ('RE: Your case fd-2026-000456 - request for a replacement recycling box for our household at 14 Mill Lane, '
               'Riverside, following the collection on Monday 12 January when the crew broke the old one')
    m['Subject'] = subject
    m['Date'] = date(20)
    m['Message-ID'] = '<20.folded.0123456789abcdef0123456789abcdef@long-domain-name.example.org>'
    ids = [f'case-FD-2026-000456.{n}.0123456789abcdef@riverside-council.example' for n in range(1, 7)]
    m['In-Reply-To'] = f'<{ids[-1]}>'
    m['References'] = ' '.join(f'<{i}>' for i in ids)
    m['X-Long-Header'] = ' '.join(['folding'] * 40)
    m.set_content('The crew broke our recycling box. Could we have a new one please?\n')
    return m, expect('Long headers folded over several lines: a 194-character Subject, seven To addresses, six '
                     'References, an Outlook "RE:" with a lower-case case reference',
                     from_address='bartholomew.fitzwilliam-montgomery@long-domain-name.example.org',
                     from_name='Bartholomew Fitzwilliam-Montgomery',
                     to=[COUNCIL.addr_spec] + [r.addr_spec for r in recipients], subject=subject,
                     message_id='20.folded.0123456789abcdef0123456789abcdef@long-domain-name.example.org',
                     in_reply_to=[ids[-1]], references=ids, reference='FD-2026-000456')


@case('21-crlf-line-ends', CRLF)
def crlf():
    m = EmailMessage()
    m['From'] = Address('Elin Ŷwain', addr_spec='elin.ywain@example.cymru')
    m['To'] = COUNCIL
    m['Subject'] = 'Bin wedi’i dorri – Heol y Frenhines'
    m['Date'] = date(21)
    m['Message-ID'] = '<21.crlf@example.cymru>'
    m.set_content('Helo,\n\nMae’r bin olwynion wedi’i dorri ar ôl y casgliad.\nLlun wedi’i atodi.\n\nElin\n')
    m.add_alternative('<p>Helo,</p>\n<p>Mae’r bin olwynion wedi’i dorri ar ôl y casgliad.<br>Llun wedi’i atodi.</p>\n'
                      '<p>Elin</p>\n', subtype='html')
    m.add_attachment(JPEG, maintype='image', subtype='jpeg', filename='Llun o’r bin.jpg')
    return m, expect('CRLF line ends throughout (as on the wire): mixed > alternative + JPEG with an RFC 2231 name. '
                     'The text is read with "\\n" line ends; the HTML is as Python reads it (CRLF kept)',
                     from_address='elin.ywain@example.cymru', from_name='Elin Ŷwain', to=[COUNCIL.addr_spec],
                     subject='Bin wedi’i dorri – Heol y Frenhines', message_id='21.crlf@example.cymru',
                     attachments=[('Llun o’r bin.jpg', 'image/jpeg', JPEG)])


@case('22-html-only-crlf', CRLF)
def html_only_crlf():
    m = EmailMessage()
    m['From'] = Address('Tomasz Kowalski', addr_spec='tomasz.kowalski@example.com')
    m['To'] = COUNCIL
    m['Subject'] = 'Pothole on Station Road (again)'
    m['Date'] = date(22)
    m['Message-ID'] = '<22.html-only-crlf@forms.example.org>'
    m.set_content(HTML_ONLY, subtype='html')
    return m, expect('The HTML-only message of 08, with CRLF line ends (as received over SMTP): the same text',
                     from_address='tomasz.kowalski@example.com', from_name='Tomasz Kowalski', to=[COUNCIL.addr_spec],
                     subject='Pothole on Station Road (again)', message_id='22.html-only-crlf@forms.example.org',
                     text=HTML_ONLY_TEXT, note=HTML_ONLY_NOTE + ' Line ends in the source must not matter.')


@case('23-utf8-headers-8bit', UTF8_HEADERS)
def utf8_headers():
    m = EmailMessage()
    m['From'] = Address('Siôn Ŷwain', addr_spec='sion@example.cymru')
    m['To'] = COUNCIL
    m['Subject'] = 'Sbwriel ar y stryd — ŵ ŷ ✔️'
    m['Date'] = date(23)
    m['Message-ID'] = '<23.utf8-headers@example.cymru>'
    m.set_content('Mae sbwriel ar y stryd ers wythnos. 🙁\n\nSiôn\n', cte='8bit')
    return m, expect('RFC 6532 (SMTPUTF8): raw UTF-8 in From and Subject, no encoded words; 8bit UTF-8 body',
                     from_address='sion@example.cymru', from_name='Siôn Ŷwain', to=[COUNCIL.addr_spec],
                     subject='Sbwriel ar y stryd — ŵ ŷ ✔️', message_id='23.utf8-headers@example.cymru')


@case('24-iso-8859-15-euro', OLD)
def latin9():
    body = 'Bonjour,\n\nJ\'ai payé 45 € pour la collecte des encombrants, mais personne n\'est venu.\nMerci, Œdipe\n'
    m = MIMEText(body, 'plain', 'iso-8859-15')
    m['From'] = Header('Œdipe Lefèvre', 'iso-8859-15').encode() + ' <oedipe@example.fr>'
    m['To'] = COUNCIL_TEXT
    m['Subject'] = Header('Remboursement de 45 € ?', 'iso-8859-15', header_name='Subject')
    m['Date'] = date(24)
    m['Message-ID'] = '<24.latin9@example.fr>'
    m['User-Agent'] = 'Mozilla/5.0 (X11; Linux x86_64; rv:52.0) Thunderbird/52.9.1'
    return m, expect('ISO-8859-15 (Latin-9, as Thunderbird and mutt in euro locales send): € is byte A4, Œ is BC',
                     from_address='oedipe@example.fr', from_name='Œdipe Lefèvre', to=[COUNCIL.addr_spec],
                     subject='Remboursement de 45 € ?', message_id='24.latin9@example.fr')


@case('25-iso-8859-2-polish', OLD)
def latin2():
    body = ('Dzień dobry,\n\nChodnik przy ulicy Żółkiewskiego jest uszkodzony. Proszę o naprawę.\n\n'
            'Z poważaniem,\nZofia Wiśniewska\n')
    m = MIMEText(body, 'plain', 'iso-8859-2')
    m['From'] = Header('Zofia Wiśniewska', 'iso-8859-2').encode() + ' <zofia.w@example.pl>'
    m['To'] = COUNCIL_TEXT
    m['Subject'] = Header('Zgłoszenie: uszkodzony chodnik przy ulicy Żółkiewskiego', 'iso-8859-2', header_name='Subject')
    m['Date'] = date(25)
    m['Message-ID'] = '<25.latin2@example.pl>'
    return m, expect('ISO-8859-2 (Central European, as Outlook and Thunderbird send Polish): quoted-printable body and '
                     'Q words; ł ś ż ź ą ę are bytes that mean other letters in Latin-1/Windows-1252',
                     from_address='zofia.w@example.pl', from_name='Zofia Wiśniewska', to=[COUNCIL.addr_spec],
                     subject='Zgłoszenie: uszkodzony chodnik przy ulicy Żółkiewskiego', message_id='25.latin2@example.pl')


@case('26-html-only-web-form-entities', LF)
def html_entities():
    name = 'Seán O\'Connor'
    message = 'It\'s the third time — the bins <weren\'t> emptied & the café\'s bins too.'
    page = ('<html><body>\n'
            f'<p>Name: {htmllib.escape(name)}</p>\n'              # Python/Django escape ' as &#x27;
            f'<p>Message: {htmllib.escape(message)}</p>\n'
            '<p>Reported via the &ldquo;Report a missed bin&rdquo; form &mdash; &copy; Riverside&rsquo;s '
            'caf&eacute; &hellip;</p>\n'                           # PHP htmlentities and CMS templates use named entities
            '</body></html>\n')
    m = EmailMessage()
    m['From'] = Address('Report a missed bin', addr_spec='forms@riverside-residents.example')
    m['To'] = COUNCIL
    m['Reply-To'] = 'sean.oconnor@example.ie'
    m['Subject'] = 'Missed bin report'
    m['Date'] = date(26)
    m['Message-ID'] = '<26.web-form@riverside-residents.example>'
    m.set_content(page, subtype='html', charset='utf-8')
    return m, expect('HTML-only mail from a web form: &#x27; (hex, what Python\'s html.escape and Django write) and named '
                     'entities (&ldquo; &rdquo; &mdash; &copy; &rsquo; &eacute; &hellip;)',
                     from_address='forms@riverside-residents.example', from_name='Report a missed bin', to=[COUNCIL.addr_spec],
                     subject='Missed bin report', message_id='26.web-form@riverside-residents.example',
                     text=(f'Name: {name}\n\nMessage: {message}\n\n'
                           'Reported via the \u201cReport a missed bin\u201d form \u2014 \u00a9 Riverside\u2019s café \u2026'),
                     note='HTML only; every HTML entity decoded, as a browser shows it.')


@case('27-iphone-photo-between-text', OLD)
def iphone_inline_photo():
    m = MIMEMultipart('mixed')
    m['From'] = Header('Ffion Ŵatkins', 'utf-8').encode() + ' <ffion.watkins@icloud.example>'
    m['To'] = COUNCIL_TEXT
    m['Subject'] = 'Fly-tipping on Mill Lane'
    m['Date'] = date(27)
    m['Message-ID'] = '<27.IPHONE-3F2A9C1E@icloud.example>'
    m['X-Mailer'] = 'iPhone Mail (22C152)'
    m['Content-Transfer-Encoding'] = '7bit'
    first = 'Hi,\n\nSomeone has dumped a sofa on Mill Lane, photo here:\n\n'
    second = '\n\nIt has been there since Monday and is blocking the pavement.\n\nSent from my iPhone\n'
    m.attach(MIMEText(first, 'plain', 'us-ascii'))
    photo = MIMEImage(JPEG, 'jpeg', name='IMG_0412.jpeg')
    photo['Content-Disposition'] = 'inline; filename=IMG_0412.jpeg'
    m.attach(photo)
    m.attach(MIMEText(second, 'plain', 'us-ascii'))
    return m, expect('iPhone Mail: a photo inserted in the middle of a plain-text message is multipart/mixed of text/plain, '
                     'an inline image/jpeg, text/plain. A mail reader shows both text parts around the photo.',
                     from_address='ffion.watkins@icloud.example', from_name='Ffion Ŵatkins', to=[COUNCIL.addr_spec],
                     subject='Fly-tipping on Mill Lane', message_id='27.IPHONE-3F2A9C1E@icloud.example',
                     text=first + second, attachments=[('IMG_0412.jpeg', 'image/jpeg', JPEG)],
                     note='Python\'s get_body gives only the first text part; Apple Mail, Outlook and Thunderbird show both '
                          '(the text after the photo is what the resident wrote). Expected: the inline text parts in order, '
                          'concatenated.')


# ---------------------------------------------------------------------------------------------
# Checking each expectation against Python's reading, and writing the files
# ---------------------------------------------------------------------------------------------

def ids(value):
    return re.findall(r'<([^<>]+)>', value or '')


def raw_header(raw, name):
    """The unfolded raw value of a header (for ids, which Python's parser may normalise)."""
    head = raw.replace(b'\r\n', b'\n').split(b'\n\n', 1)[0]
    match = re.search(rb'(?im)^' + re.escape(name.encode()) + rb':(.*(?:\n[ \t].*)*)', head)
    return match.group(1).decode('utf-8').replace('\n', '') if match else None


def check(name, raw, expected):
    """Asserts that Python's email library reads the bytes as the expectation says."""
    parsed = message_from_bytes(raw, policy=policy.default)
    headers = parsed
    if not raw.replace(b'\r\n', b'\n').split(b'\n\n', 1)[0].isascii():
        # RFC 6532: Python reads raw UTF-8 headers only from text (and 8bit bodies only from bytes)
        headers = message_from_string(raw.decode('utf-8'), policy=policy.default)

    def same(field, actual, wanted):
        if actual != wanted:
            sys.exit(f'{name}: {field}: Python reads {actual!r}, the expectation says {wanted!r}')

    sender = headers['from'].addresses[0]
    same('from_address', sender.addr_spec.lower(), expected['from_address'])
    same('from_name', sender.display_name, expected['from_name'])
    for field in ('to', 'cc'):
        header = headers[field]
        same(field, [a.addr_spec.lower() for a in header.addresses] if header else [], expected[field])
    same('subject', str(headers['subject']), expected['subject'])
    same('message_id', (ids(raw_header(raw, 'Message-ID')) or [None])[0], expected['message_id'])
    same('in_reply_to', ids(raw_header(raw, 'In-Reply-To')), expected['in_reply_to'])
    same('references', ids(raw_header(raw, 'References')), expected['references'])
    match = re.search(r'FD-\d{4}-\d{6}', expected['subject'].upper())
    same('reference', match.group(0) if match else None, expected['reference'])

    plain = parsed.get_body(('plain',))
    if expected['text'] is None:
        expected['text'] = plain.get_content().replace('\r\n', '\n')
    elif plain is not None and expected['note'] is None:
        sys.exit(f'{name}: a hand-written text needs a note saying why it is not Python\'s')
    html = parsed.get_body(('html',))
    expected['html'] = html.get_content() if html is not None else None

    # Each attachment's bytes, found in Python's reading of the message.
    leaves = [part for part in parsed.walk() if not part.is_multipart()]
    for file_name, content_type, data in expected['attachments']:
        if content_type.startswith('message/'):
            if data not in raw.replace(b'\r\n', b'\n'):
                sys.exit(f'{name}: the {content_type} part is not in the message as expected')
            continue
        found = [p for p in leaves if p.get_filename() == file_name and p.get_content_type() == content_type
                 and p.get_payload(decode=True) == data]
        if len(found) != 1:
            sys.exit(f'{name}: attachment {file_name!r} ({content_type}) not found by Python with those bytes')
    expected['attachments'] = [dict(file_name=f, content_type=t, sha256=hashlib.sha256(d).hexdigest(), size=len(d))
                               for f, t, d in expected['attachments']]


def main():
    for old in list(HERE.glob('[0-9][0-9]-*.eml')) + list(HERE.glob('[0-9][0-9]-*.json')):
        old.unlink()
    for name, pol, build in CASES:
        message, expected = build()
        fix_boundaries(message, name[:2])
        raw = message.as_bytes(policy=pol)
        if pol in (CRLF, OLD_CRLF):
            assert b'\r\n' in raw and raw.count(b'\n') == raw.count(b'\r\n'), name
        else:
            assert b'\r\n' not in raw, name
        check(name, raw, expected)
        ordered = {key: expected[key] for key in ('description', 'note', 'from_address', 'from_name', 'to', 'cc', 'subject',
                                                  'message_id', 'in_reply_to', 'references', 'text', 'html', 'attachments',
                                                  'automatic', 'reference')}
        if ordered['note'] is None:
            del ordered['note']
        (HERE / f'{name}.eml').write_bytes(raw)
        (HERE / f'{name}.json').write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    # Coverage the tests rely on, asserted on the bytes.
    corpus = {name: (HERE / f'{name}.eml').read_bytes() for name, _, _ in CASES}
    assert b'?q?' in corpus['02-rfc2047-q-welsh'] and b'?b?' not in corpus['02-rfc2047-q-welsh'].split(b'\n\n')[0]
    assert corpus['03-rfc2047-b-emoji-accents'].count(b'=?utf-8?b?') >= 3
    assert b'?=\n =?utf-8?b?' in corpus['03-rfc2047-b-emoji-accents']
    assert b"filename*=utf-8''" in corpus['09-attachments-rfc2231-filenames']
    assert b"filename*0*=utf-8''" in corpus['21-crlf-line-ends'] or b"filename*=utf-8''" in corpus['21-crlf-line-ends']
    assert b'charset="windows-1252"' in corpus['05-windows-1252-outlook'] and b'=80' in corpus['05-windows-1252-outlook']
    assert b'Content-Transfer-Encoding: base64' in corpus['06-utf8-base64-body']
    print(f'{len(CASES)} messages written to {HERE}')


if __name__ == '__main__':
    main()
