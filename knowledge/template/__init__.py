"""The national template: sections, the three tables (二 主动公开, 三 申请, 四 复议/诉讼), prose figures,
derived subtotals and the constraint search that settles flattened cells — a `Document` becomes a `Parsed` report."""
