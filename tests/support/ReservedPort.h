#pragma once
// A TCP port on 127.0.0.1 that stays ours: bound but not listening, so a connection to it is refused, and no
// other test running in parallel (ctest -j2) can take it. listenWith() turns it into a server's listening
// socket without ever letting it go, so "the server is gone, then back on the same port" has no gap.

#include <QtGlobal>

class QTcpServer;

class ReservedPort
{
public:
    ReservedPort();                     // any free port
    explicit ReservedPort(quint16 port); // this port (retried for up to 2 s while its previous owner lets go)
    ~ReservedPort();
    ReservedPort(const ReservedPort &) = delete;
    ReservedPort &operator=(const ReservedPort &) = delete;

    bool isValid() const { return m_fd >= 0; }
    quint16 port() const { return m_port; }
    // Listens on the port and hands the socket to server (which then owns it). False if that failed.
    bool listenWith(QTcpServer *server);

private:
    bool bindTo(quint16 port);
    int m_fd = -1;
    quint16 m_port = 0;
};
