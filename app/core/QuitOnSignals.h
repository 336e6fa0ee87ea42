#pragma once
// SIGTERM and SIGINT end the event loop, so that what runs after exec() (a history flush, a port freed) still
// runs. Shared by the headless programs: bulkwatch-sim and `bulkwatch serve`.

class QCoreApplication;

// Returns false when the signal pipe could not be made (the default handlers stay).
bool quitOnStopSignals(QCoreApplication &app);
