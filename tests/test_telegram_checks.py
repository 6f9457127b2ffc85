"""Telegram: a flagged figure keeps its warning in a group's one-liner, and “/checks 开封” answers as
“开封的数据有没有问题” does.  Expected text written by hand from kaifeng-2019.txt (规范性文件 对外公开总数量
815 while the overview says “政府规范性文件845个”)."""

from __future__ import annotations

from tg_factories import BOT_USERNAME, REPORTS, make_bot, make_text_update, two_agencies  # noqa: F401 - fixtures

KF_845 = "报告正文与表格不一致：正文“政府规范性文件845个”为845，但表格“规范性文件／对外公开总数量”为815"


async def test_a_groups_one_liner_keeps_the_warning(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update(f"/ask@{BOT_USERNAME} 开封2019年规范性文件对外公开总数量是多少", chat_type="supergroup"))
    [sent] = bot.api.sent()
    assert sent["text"].split("\n") == [
        "开封市人民政府2019年规范性文件对外公开总数量<b>815件</b>。", f"⚠️ {KF_845}",
        "来源：开封2019年年报 · 二 · 第二十条第（一）项 · 规范性文件 · 对外公开总数量"]


async def test_checks_of_one_place_answer_as_the_question_does(make_bot, two_agencies):
    bot = await make_bot(two_agencies)
    bot.api.clear()
    await bot.feed(make_text_update("/checks 开封"))
    [command] = bot.api.sent()
    bot.api.clear()
    await bot.feed(make_text_update("开封的数据有没有问题"))
    [asked] = bot.api.sent()
    assert command["text"] == asked["text"]
    assert command["text"].split("\n") == [
        "开封市人民政府：已载入的1份报告中，1份有勾稽提示，共1条：",
        "开封市人民政府2019年 · 一、总体情况 · 规范性文件对外公开总数量、正文“政府规范性文件845个” · " + KF_845]
    bot.api.clear()
    await bot.feed(make_text_update("/checks 平潭"))
    assert bot.api.sent()[0]["text"] == "平潭综合实验区：已载入的1份报告没有发现数字对不上的地方（勾稽关系）。"


async def test_an_upload_shows_what_it_says_against_the_loaded_year_before_and_confirm_stores_it(tmp_path):
    from kb_files import copy_kb
    from tg_factories import ADMIN, BOT_USER, bots, build_db, make_callback_update, make_document_update

    from knowledge.kb import KnowledgeBase

    db = copy_kb(build_db(tmp_path / "one", "kaifeng-2019.txt"), tmp_path / "kb.json")
    # 开封's 2019 report as a 2020 one: its 上年结转 5 is not 2019's 结转下年度继续办理 6
    data = (REPORTS / "kaifeng-2019.txt").read_text(encoding="utf-8").replace("2019", "2020").encode()
    async with bots() as make:
        bot = await make(db, share=False)
        bot.api.files["f9"] = data
        bot.api.clear()
        await bot.feed(make_document_update("f9", "kaifeng-2020.txt", len(data)))
        [summary] = bot.api.sent()
        assert ("与已载入的相邻年度报告：\n"
                "- 与上年报告不一致：2020年上年结转（“自然人”列）5件，但2019年报告的结转下年度继续办理为6件\n"
                "- 与上年报告不一致：2020年上年结转（总计）5件，但2019年报告的结转下年度继续办理为6件") in summary["text"]
        message = {"message_id": 600, "date": 0, "chat": {"id": summary["chat_id"], "type": "private"},
                   "from": BOT_USER, "text": summary["text"], "reply_markup": summary["reply_markup"]}
        await bot.feed(make_callback_update("u:1:1", message, user=ADMIN))
    later = KnowledgeBase.load(db).report_of[("开封市人民政府", 2020)]
    assert [w.kind for w in later.warnings] == ["prose", "years", "years"]
