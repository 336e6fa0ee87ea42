#include "TrayIcon.h"

#include "ImportService.h"

#include <QApplication>
#include <QImageReader>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

TrayIcon::TrayIcon(ImportService *service, QWidget *window, QObject *parent)
    : Notifier(parent), m_service(service), m_window(window), m_retry(new QTimer(this))
{
    m_retry->setInterval(2000);
    connect(m_retry, &QTimer::timeout, this, &TrayIcon::tryShow);
    // Coalesced: a poll of 200 jobs is one update, not 200.
    auto *coalesce = new QTimer(this);
    coalesce->setSingleShot(true);
    coalesce->setInterval(300);
    connect(coalesce, &QTimer::timeout, this, &TrayIcon::update);
    // Started, never restarted: steady polling must not starve it.
    const auto kick = [coalesce] {
        if (!coalesce->isActive())
            coalesce->start();
    };
    connect(service, &ImportService::jobChanged, coalesce, kick);
    connect(service, &ImportService::jobRemoved, coalesce, kick);
    tryShow();
    update();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::tryShow()
{
    // Panels start late at login: try a few times before living without a tray.
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        if (++m_attempts < 5 && !m_retry->isActive())
            m_retry->start();
        else if (m_attempts >= 5)
            m_retry->stop();
        return;
    }
    m_retry->stop();
    if (m_tray)
        return;
    m_tray = new QSystemTrayIcon(this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Bulkwatch"), this, &TrayIcon::showWindow);
    m_menu->addAction(tr("Refresh now"), m_service, &ImportService::refreshNow);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastMessageKey.isEmpty())
            Q_EMIT activated(m_lastMessageKey);
        showWindow();
    });
    update();
    m_tray->show();
}

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

QString TrayIcon::toolTip() const
{
    return m_tip;
}

bool TrayIcon::isAvailable() const
{
    return isVisible() && QSystemTrayIcon::supportsMessages();
}

void TrayIcon::show(const Notification &n)
{
    if (!m_tray)
        return;
    m_lastMessageKey = n.jobKeys.value(0);
    m_tray->showMessage(n.title, n.body, n.kind == Notification::Kind::Failed || n.kind == Notification::Kind::IndexFailed ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information, 10000);
}

void TrayIcon::showWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

bool TrayIcon::svgAvailable()
{
    static const bool svg = QImageReader::supportedImageFormats().contains("svg");
    return svg;
}

namespace {
QIcon iconFromFiles(const QString &name, std::initializer_list<int> sizes, bool withSvg)
{
    QIcon icon;
    // Without the SVG plugin a QIcon of an .svg file is blank, and everything painting it warns: never add it then.
    if (withSvg)
        icon.addFile(QStringLiteral(":/icons/%1.svg").arg(name));
    for (int size : sizes)
        icon.addFile(QStringLiteral(":/icons/%1-%2.png").arg(name).arg(size), QSize(size, size));
    return icon;
}
} // namespace

QIcon TrayIcon::appIcon()
{
    return iconFromFiles(QStringLiteral("bulkwatch"), {16, 32, 48, 64, 128, 256}, svgAvailable());
}

QIcon TrayIcon::iconFor(bool failed, bool /*darkPanel*/)
{
    return iconFrom(failed, svgAvailable());
}

QIcon TrayIcon::iconFrom(bool failed, bool withSvg)
{
    const QIcon base = iconFromFiles(QStringLiteral("tray"), {16, 22, 24, 32, 48, 64}, withSvg);
    if (!failed)
        return base;
    QIcon marked;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pm = base.pixmap(size, size);
        if (pm.isNull())
            continue;
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal r = size * 0.22;
        p.setPen(QPen(Qt::white, std::max<qreal>(1, size / 16.0)));
        p.setBrush(QColor(0xd3, 0x2f, 0x2f));
        p.drawEllipse(QPointF(size - r - 1, size - r - 1), r, r);
        marked.addPixmap(pm);
    }
    return marked;
}

bool TrayIcon::canHoldTheWindow() const
{
    return m_tray && m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable() && !m_tray->icon().pixmap(22, 22).isNull();
}

void TrayIcon::update()
{
    const ImportService::Overview o = m_service->overview(m_service->now().addDays(-1)); // older failures are history
    const int running = o.running, failed = o.failedRecently;
    QStringList parts;
    if (running)
        parts << tr("%n running", nullptr, running);
    if (failed)
        parts << tr("%n failed", nullptr, failed);
    if (running)
        parts << QStringLiteral("%1 %").arg(qRound(o.meanProgress));
    m_tip = QStringLiteral("Bulkwatch — ") + (parts.isEmpty() ? tr("nothing running") : parts.join(QStringLiteral(" · ")));
    m_failed = failed > 0;
    if (m_tray) {
        m_tray->setIcon(iconFor(m_failed));
        m_tray->setToolTip(m_tip);
    }
}
