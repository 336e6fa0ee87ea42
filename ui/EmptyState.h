#pragma once
// The first run, before any connection: what Bulkwatch does, and the two ways to start (a connection, the demo).

#include <QWidget>

class QLabel;
class QPushButton;

class EmptyState : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);

    QString text() const;
    QPushButton *addConnectionButton() const { return m_add; }
    QPushButton *demoButton() const { return m_demo; }

Q_SIGNALS:
    void addConnectionClicked();
    void openDemoClicked();

private:
    QLabel *m_title;
    QLabel *m_body;
    QPushButton *m_add;
    QPushButton *m_demo;
};
