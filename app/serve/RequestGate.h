#pragma once
// Looks at the bytes of one HTTP connection before QtHttpServer does, and refuses a request whose target or
// body is too large, or that has no valid bearer token, from its head alone: QtHttpServer hands a handler only a
// complete request, body included, read into memory (measured on Qt 6.4 with bulkwatch-sim, which has no gate: a
// 200 MiB body took its peak RSS from 18 MB to 433 MB before its handler answered). Lines end at "\n" (an "\r"
// before it is dropped), as the lenient parser behind QtHttpServer reads them, so both see the same requests.

#include <QByteArray>

class RequestGate
{
public:
    struct Limits
    {
        int maxTargetBytes = 2048; // longer: 414
        int maxHeadBytes = 16384;  // a head that does not end within this: 431
        qint64 maxBodyBytes = 1024; // every endpoint is a GET: a larger body (or one of unknown length) is 413
    };
    enum class Verdict { Pass, Unauthorized, UriTooLong, HeadTooLarge, BodyTooLarge, BadRequest };

    // token: the bearer token every request must carry; empty: none is asked for.
    RequestGate(const Limits &limits, const QByteArray &token);

    // The next bytes of the connection; Pass while every request so far may go on to the HTTP server.
    Verdict feed(const QByteArray &bytes);
    qint64 bytesSeen() const { return m_seen; }
    int headsPassed() const { return m_passed; } // complete request heads that were let through
    bool betweenRequests() const { return m_bodyLeft == 0 && m_head.isEmpty(); } // the last request is complete

    static int statusOf(Verdict v);
    static QByteArray refusal(Verdict v); // a whole HTTP/1.1 answer that closes the connection
    // Compares in constant time whatever the lengths (both are hashed first).
    static bool sameSecret(const QByteArray &a, const QByteArray &b);

private:
    Verdict checkHead(const QByteArray &head);

    Limits m_limits;
    QByteArray m_token;
    QByteArray m_head;        // the head read so far (bounded by maxHeadBytes)
    qint64 m_bodyLeft = 0;    // bytes of the current request's body still to pass
    qint64 m_seen = 0;
    bool m_refused = false;
    int m_passed = 0;
};
