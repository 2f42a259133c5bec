def test_flow_smoke(client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    assert items
    for it in items:
        page = client.get(f"/attempts/{aid}/q/{it['slot']}")
        assert page.status_code == 200, page.data[:2000]
        r = driver.answer(aid, it, right=True)
        assert r.status_code == 302, r.data[:3000]
    r = driver.finish(aid)
    assert r.status_code == 302
    page = client.get(f"/attempts/{aid}/results")
    assert page.status_code == 200
    for it in items:
        page = client.get(f"/attempts/{aid}/q/{it['slot']}/explanation")
        assert page.status_code == 200, page.data[:3000]
    a = driver.attempt(aid)
    assert a.score == len(items)
