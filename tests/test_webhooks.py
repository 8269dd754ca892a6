"""Publish webhooks: a signed POST to each configured receiver on publish and unpublish, after
the commit, through the task queue, tried again on failure, every attempt logged."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from cms import webhooks
from cms.models import WebhookDelivery
from tests.factories import NewsPageFactory

SECRET = "segreto-condiviso"


class Receiver:
    """A real HTTP server on a free local port that records what it gets and answers with
    the status codes it is given, in turn."""

    def __init__(self, statuses=(200,)):
        self.statuses = list(statuses)
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = (
                    receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                )
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/rebuild"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    made = []

    def make(*statuses):
        receiver = Receiver(statuses or (200,))
        made.append(receiver)
        settings.PUBLISH_WEBHOOKS = [{"url": receiver.url, "secret": SECRET}]
        return receiver

    yield make
    for receiver in made:
        receiver.close()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def test_publishing_posts_a_signed_notice_after_the_commit(receiver, committed, news_index):
    hook = receiver()
    with committed():
        news = NewsPageFactory(parent=news_index, title="Nuovo bando")
    assert hook.received, "nothing was posted"
    headers, body = hook.received[-1]

    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-UDP-Signature"] == expected
    assert headers["X-UDP-Event"] == "page_published"
    data = json.loads(body)
    assert (data["page"]["id"], data["page"]["title"]) == (news.pk, "Nuovo bando")
    assert data["page"]["api_url"] == f"/api/v3/pages/{news.pk}/"
    delivery = WebhookDelivery.objects.get(page_id=news.pk, event="page_published")
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("sent", 1, 200)


def test_unpublishing_posts_too(receiver, committed, news_index):
    hook = receiver()
    news = NewsPageFactory(parent=news_index)
    with committed():
        news.unpublish()

    assert json.loads(hook.received[-1][1])["event"] == "page_unpublished"


def test_nothing_is_posted_before_the_commit(receiver, news_index):
    hook = receiver()
    NewsPageFactory(parent=news_index)

    assert hook.received == []
    assert WebhookDelivery.objects.get().status == "pending"


def test_a_failed_delivery_is_tried_again_and_logged(receiver, committed, news_index):
    hook = receiver(500, 503, 200)
    with committed():
        news = NewsPageFactory(parent=news_index)

    delivery = WebhookDelivery.objects.get(page_id=news.pk)
    assert len(hook.received) == 3
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("sent", 3, 200)


def test_a_receiver_that_keeps_failing_is_given_up_after_five_attempts(
    receiver, committed, news_index
):
    hook = receiver(500)
    with committed():
        NewsPageFactory(parent=news_index)

    delivery = WebhookDelivery.objects.get()
    assert len(hook.received) == webhooks.MAX_ATTEMPTS
    assert (delivery.status, delivery.attempts) == ("failed", webhooks.MAX_ATTEMPTS)


def test_an_unreachable_receiver_is_logged_and_never_breaks_publishing(
    settings, committed, news_index
):
    settings.PUBLISH_WEBHOOKS = [{"url": "http://127.0.0.1:9/", "secret": SECRET}]
    with committed():
        news = NewsPageFactory(parent=news_index)

    assert news.live
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and delivery.last_error


def test_the_retry_delays_grow(settings):
    assert [webhooks.retry_delay(n).seconds // 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]


def test_without_receivers_nothing_is_logged(settings, committed, news_index):
    settings.PUBLISH_WEBHOOKS = []
    with committed():
        NewsPageFactory(parent=news_index)

    assert not WebhookDelivery.objects.exists()
