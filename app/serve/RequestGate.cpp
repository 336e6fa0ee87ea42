#include "RequestGate.h"

#include <QCryptographicHash>
#include <QList>

RequestGate::RequestGate(const Limits &limits, const QByteArray &token) : m_limits(limits), m_token(token)
{
}

RequestGate::Verdict RequestGate::feed(const QByteArray &bytes)
{
    m_seen += bytes.size();
    if (m_refused)
        return Verdict::BadRequest;
    qsizetype i = 0;
    while (i < bytes.size()) {
        if (m_bodyLeft > 0) {
            const qint64 take = std::min<qint64>(m_bodyLeft, bytes.size() - i);
            m_bodyLeft -= take;
            i += take;
            continue;
        }
        // A head ends at its first empty line.
        const qsizetype nl = bytes.indexOf('\n', i);
        const qsizetype end = nl < 0 ? bytes.size() : nl + 1;
        m_head += bytes.mid(i, end - i);
        i = end;
        if (m_head.size() > m_limits.maxHeadBytes) {
            // The request line alone over the limit is a target too long, anything else a head too large.
            const bool inRequestLine = !m_head.left(m_limits.maxHeadBytes).contains('\n');
            m_refused = true;
            return inRequestLine ? Verdict::UriTooLong : Verdict::HeadTooLarge;
        }
        if (nl < 0)
            break;
        const bool emptyLine = m_head == "\n" || m_head == "\r\n" || m_head.endsWith("\n\n") || m_head.endsWith("\n\r\n");
        if (!emptyLine)
            continue;
        if (m_head.trimmed().isEmpty()) { // blank lines between requests
            m_head.clear();
            continue;
        }
        const Verdict v = checkHead(m_head);
        m_head.clear();
        if (v != Verdict::Pass) {
            m_refused = true;
            return v;
        }
        ++m_passed;
    }
    // Before the head is complete: a request line already longer than a target may be is refused now.
    if (!m_head.isEmpty() && !m_head.contains('\n') && m_head.size() > m_limits.maxTargetBytes + 32) {
        m_refused = true;
        return Verdict::UriTooLong;
    }
    return Verdict::Pass;
}

RequestGate::Verdict RequestGate::checkHead(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3)
        return Verdict::BadRequest;
    if (requestLine.at(1).size() > m_limits.maxTargetBytes)
        return Verdict::UriTooLong;
    QByteArray authorization;
    int authorizations = 0;
    for (int n = 1; n < lines.size(); ++n) {
        const QByteArray &l = lines.at(n);
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = l.left(colon).trimmed().toLower();
        const QByteArray value = l.mid(colon + 1).trimmed();
        if (name == "transfer-encoding")
            return Verdict::BodyTooLarge; // a body of unknown length: never needed by a GET
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0)
                return Verdict::BadRequest;
            if (length > m_limits.maxBodyBytes)
                return Verdict::BodyTooLarge;
            m_bodyLeft = length;
        }
        if (name == "authorization") {
            authorization = value;
            ++authorizations;
        }
    }
    if (!m_token.isEmpty()) {
        // "Bearer TOKEN", the scheme case-insensitive; two Authorization headers are one too many.
        const bool bearer = authorization.size() > 7 && authorization.left(7).toLower() == "bearer ";
        const bool match = sameSecret(bearer ? authorization.mid(7).trimmed() : QByteArray(), m_token);
        if (authorizations != 1 || !bearer || !match)
            return Verdict::Unauthorized;
    }
    return Verdict::Pass;
}

bool RequestGate::sameSecret(const QByteArray &a, const QByteArray &b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha.at(i) ^ hb.at(i));
    return diff == 0;
}

int RequestGate::statusOf(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return 200;
    case Verdict::Unauthorized: return 401;
    case Verdict::UriTooLong: return 414;
    case Verdict::HeadTooLarge: return 431;
    case Verdict::BodyTooLarge: return 413;
    case Verdict::BadRequest: break;
    }
    return 400;
}

QByteArray RequestGate::refusal(Verdict v)
{
    QByteArray reason, body;
    switch (v) {
    case Verdict::Unauthorized: reason = "Unauthorized"; body = "a bearer token is needed (Authorization: Bearer ...)\n"; break;
    case Verdict::UriTooLong: reason = "URI Too Long"; body = "the request target is too long\n"; break;
    case Verdict::HeadTooLarge: reason = "Request Header Fields Too Large"; body = "the request head is too large\n"; break;
    case Verdict::BodyTooLarge: reason = "Payload Too Large"; body = "this server takes no request body\n"; break;
    case Verdict::Pass:
    case Verdict::BadRequest: reason = "Bad Request"; body = "bad request\n"; break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(statusOf(v)) + ' ' + reason + "\r\n";
    if (v == Verdict::Unauthorized)
        out += "WWW-Authenticate: Bearer realm=\"bulkwatch\"\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    return out;
}
