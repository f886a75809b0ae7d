// Reads what `jobcrawler report` shows from a Store. Only the Store
// interface is used, so any store implementation serves.
#ifndef JOBCRAWLER_APP_REPORT_REPORT_LOAD_H_
#define JOBCRAWLER_APP_REPORT_REPORT_LOAD_H_

#include "app/config/config.h"
#include "app/report/report_model.h"
#include "storage/store.h"

namespace jobcrawler::app::report {

// The report model at `now`: postings judged with `config`'s current [match]
// rules (as export does), matched ones only unless `all`; source health for
// `config`'s sources. Fails with the first store error.
storage::Result<ReportModel> LoadReport(storage::Store& store, const Config& config, bool all,
                                        storage::UnixMillis now);

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_REPORT_LOAD_H_
