#pragma once
// A request body Qt can read once and never rewind. Qt's HTTP/1 channel resends a request by itself (POST
// included) when the connection closes before an answer; it rewinds the body first. A body that refuses to
// rewind turns that silent resend into QNetworkReply::ContentReSendError, so a create's lost answer reaches the
// caller, which resends under its own rules (the same Idempotency-Key). Needs
// QNetworkRequest::DoNotBufferUploadDataAttribute, or Qt would copy the body into a buffer it can rewind; and it
// must not be a QBuffer, which Qt reads through its rewindable byte array instead.

#include <QIODevice>

#include <algorithm>
#include <cstring>

class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(const QByteArray &data, QObject *parent = nullptr) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, static_cast<size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};
