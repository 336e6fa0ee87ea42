#pragma once
// A connection's request budget: a sliding one-second window (the servers allow N per second per endpoint, and a
// burst at the edge of a fixed window would still be refused), under a ceiling the user can only lower and never
// above the documented 20/s. A rate-limited answer halves the rate (once per burst: answers to requests sent before
// the cut were sent at the old rate and say nothing new), down to a floor; it then grows back by a step every
// recoveryMs without another one, up to the ceiling (AIMD). Pure: every call takes the time, so a test drives it.

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

class RequestBudget
{
public:
    // Zilliz Cloud's control plane: 20 requests per second per user per endpoint (protocol.md §5).
    static constexpr double kDocumentedLimit = 20;
    static constexpr double kMinimum = 0.1;

    // The most this connection may send per second. A rate cut below it stays cut (and within it); an uncut rate
    // follows the ceiling.
    void setCeiling(double perSecond)
    {
        const bool cut = m_rate < m_ceiling;
        m_ceiling = std::clamp(perSecond, kMinimum, kDocumentedLimit);
        m_rate = cut ? std::min(m_rate, m_ceiling) : m_ceiling;
    }
    // A fixed rate, nothing cut (the ceiling and the rate at once).
    void setRate(double perSecond)
    {
        m_ceiling = std::clamp(perSecond, kMinimum, kDocumentedLimit);
        m_rate = m_ceiling;
        m_lastCutMs = std::numeric_limits<qint64>::min();
    }
    // Growth after a cut: +stepPerSecond every recoveryMs; never below floorPerSecond when cut.
    void setRecovery(qint64 recoveryMs, double stepPerSecond = 1, double floorPerSecond = 1)
    {
        m_recoveryMs = std::max<qint64>(1, recoveryMs);
        m_step = std::max(0.01, stepPerSecond);
        m_floor = std::max(kMinimum, floorPerSecond);
    }
    // Never more than the documented limit in any 1000 + guardMs of sends: the server counts at arrival, and answers
    // that came back together (or a network that held some) bring the next ones closer than they were sent.
    void setGuard(qint64 guardMs) { m_guardMs = std::max<qint64>(0, guardMs); }
    double ceiling() const { return m_ceiling; }
    // The rate in force at nowMs (grown back since the last cut).
    double rate(qint64 nowMs) const
    {
        if (m_rate >= m_ceiling || nowMs < m_lastChangeMs)
            return m_rate;
        const qint64 steps = (nowMs - m_lastChangeMs) / m_recoveryMs;
        return std::min(m_ceiling, m_rate + static_cast<double>(steps) * m_step);
    }
    bool isCut(qint64 nowMs) const { return rate(nowMs) < m_ceiling; }
    // A rate-limited answer at nowMs to a request sent at sentAtMs. True when it cut the rate.
    bool rateLimited(qint64 sentAtMs, qint64 nowMs)
    {
        grow(nowMs);
        if (sentAtMs <= m_lastCutMs)
            return false; // the same burst: it was sent at the rate already cut
        m_rate = std::max(std::min(m_floor, m_ceiling), m_rate / 2);
        m_lastCutMs = nowMs;
        m_lastChangeMs = nowMs;
        return true;
    }
    // True when a request may go now; otherwise *nextSlotMs says when one may.
    bool available(qint64 nowMs, qint64 *nextSlotMs)
    {
        grow(nowMs);
        const int perWindow = std::max(1, static_cast<int>(m_rate));
        const qint64 window = m_rate < 1 ? static_cast<qint64>(std::ceil(1000 / m_rate)) : 1000;
        const qint64 kept = std::max(window, 1000 + m_guardMs);
        while (!m_sentMs.empty() && m_sentMs.front() <= nowMs - kept)
            m_sentMs.pop_front();
        const int limit = static_cast<int>(kDocumentedLimit);
        if (m_guardMs > 0 && static_cast<int>(m_sentMs.size()) >= limit) {
            const qint64 guardSlot = m_sentMs[m_sentMs.size() - static_cast<size_t>(limit)] + 1000 + m_guardMs + 1;
            if (guardSlot > nowMs) {
                *nextSlotMs = guardSlot;
                return false;
            }
        }
        // Those in the last window (the deque also keeps the guard's older ones).
        const auto firstInWindow = std::upper_bound(m_sentMs.begin(), m_sentMs.end(), nowMs - window);
        const int sent = static_cast<int>(m_sentMs.end() - firstInWindow);
        if (sent < perWindow)
            return true;
        // After a cut the window may hold more than the new rate allows: wait until enough of them have left it.
        const qint64 slot = *(firstInWindow + (sent - perWindow)) + window + 1;
        // A step of growth may come first and open a slot sooner.
        *nextSlotMs = m_rate < m_ceiling ? std::min(slot, std::max(nowMs + 1, m_lastChangeMs + m_recoveryMs)) : slot;
        return false;
    }
    void spend(qint64 nowMs) { m_sentMs.push_back(nowMs); }

private:
    void grow(qint64 nowMs)
    {
        if (m_rate >= m_ceiling || nowMs < m_lastChangeMs)
            return;
        const qint64 steps = (nowMs - m_lastChangeMs) / m_recoveryMs;
        m_rate = rate(nowMs);
        m_lastChangeMs += steps * m_recoveryMs;
    }

    double m_ceiling = 10;
    double m_rate = 10;
    double m_floor = 1;
    double m_step = 1;
    qint64 m_recoveryMs = 5000;
    qint64 m_guardMs = 0;
    qint64 m_lastCutMs = std::numeric_limits<qint64>::min();
    qint64 m_lastChangeMs = 0;
    std::deque<qint64> m_sentMs;
};
