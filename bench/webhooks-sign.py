#!/usr/bin/env python3
"""Writes N Stripe deliveries signed now (signature TAB body per line) for bench/webhooks-load.lua."""
import hashlib, hmac, sys, time, uuid

count, secret, out = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
t = str(int(time.time()))
run = uuid.uuid4().hex[:8]
with open(out, "w") as f:
    for i in range(count):
        body = '{"id":"evt_%s_%d","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_%d","amount":2000,"currency":"eur"}}}' % (run, i, i)
        mac = hmac.new(secret, (t + "." + body).encode(), hashlib.sha256).hexdigest()
        f.write("t=%s,v1=%s\t%s\n" % (t, mac, body))
