#include "ReservedPort.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

ReservedPort::ReservedPort()
{
    bindTo(0);
}

ReservedPort::ReservedPort(quint16 port)
{
    QDeadlineTimer deadline(2000);
    while (!bindTo(port) && !deadline.hasExpired())
        QThread::msleep(10);
}

ReservedPort::~ReservedPort()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool ReservedPort::bindTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one); // like QTcpServer: TIME_WAIT does not block it
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return false;
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    m_fd = fd;
    m_port = ntohs(addr.sin_port);
    return true;
}

bool ReservedPort::listenWith(QTcpServer *server)
{
    if (m_fd < 0 || ::listen(m_fd, 50) != 0)
        return false;
    if (!server->setSocketDescriptor(m_fd))
        return false;
    m_fd = -1; // the server's now
    return true;
}
