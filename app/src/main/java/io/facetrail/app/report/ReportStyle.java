package io.facetrail.app.report;

/** The report's style sheet, inline so the report stays one file. */
final class ReportStyle {
  private ReportStyle() {}

  static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;\
      max-width:1040px;padding:0 20px 40px;color:#1d2430;background:#fafbfc}
      h1{margin:24px 0 4px;font-size:24px}h2{margin:28px 0 10px;font-size:19px;\
      border-bottom:1px solid #dde2e8;padding-bottom:4px}h3{margin:0 0 2px;font-size:16px;\
      word-break:break-all}h4{margin:14px 0 6px;font-size:14px}
      .meta{color:#5b6675;margin:0}
      .cards{display:flex;flex-wrap:wrap;gap:10px}
      .card{margin:0;background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:8px;\
      width:132px;text-align:center;font-size:12px}
      .card.person{border-width:2px;width:150px}
      .face{width:112px;height:112px;object-fit:cover;border-radius:6px;display:block;\
      margin:0 auto 6px;background:#eef1f4}
      .noface{width:112px;height:112px;margin:0 auto 6px;border-radius:6px;background:#eef1f4;\
      color:#8a94a3;display:flex;align-items:center;justify-content:center}
      .video{background:#fff;border:1px solid #dde2e8;border-radius:10px;padding:14px 16px;\
      margin:0 0 16px}
      .status{margin:0 0 8px;color:#5b6675}.status.failed{color:#b3261e;font-weight:600}
      svg.timeline{width:100%;height:auto;display:block;margin:6px 0 10px}
      svg .grid{stroke:#e3e7ec;stroke-width:1}svg .tick{font-size:11px;fill:#6b7684;\
      text-anchor:middle}svg .row{font-size:12px;fill:#1d2430;text-anchor:end}\
      svg .none{font-size:12px;fill:#8a94a3}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef1f4;vertical-align:top}
      th{color:#5b6675;font-weight:600}
      .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
      .none{color:#8a94a3}
      """;
}
