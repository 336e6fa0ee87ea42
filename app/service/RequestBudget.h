#pragma once
// A sliding one-second window of requests per connection: the servers allow N per second per endpoint, and a
// burst at the edge of a fixed window would still be refused.

#include <QtGlobal>
#include <algorithm>
#include <deque>

class RequestBudget
{
public:
    void setRate(double perSecond) { m_rate = perSecond; }
    // True when a request may go now; otherwise *nextSlotMs says when one may.
    bool available(qint64 nowMs, qint64 *nextSlotMs)
    {
        const int perWindow = std::max(1, static_cast<int>(m_rate));
        const qint64 window = m_rate < 1 ? static_cast<qint64>(1000 / m_rate) : 1000;
        while (!m_sentMs.empty() && m_sentMs.front() <= nowMs - window)
            m_sentMs.pop_front();
        if (static_cast<int>(m_sentMs.size()) < perWindow)
            return true;
        *nextSlotMs = m_sentMs.front() + window + 1;
        return false;
    }
    void spend(qint64 nowMs) { m_sentMs.push_back(nowMs); }

private:
    double m_rate = 10;
    std::deque<qint64> m_sentMs;
};
