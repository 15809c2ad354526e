import uuid

from django.db import models


class ChatRoom(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    parcel = models.ForeignKey("parcels.Parcel", on_delete=models.SET_NULL, null=True, blank=True)
    customer = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="rooms_as_customer")
    traveler = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="rooms_as_traveler")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)


class Message(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    room = models.ForeignKey(ChatRoom, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey("users.User", on_delete=models.CASCADE)
    content = models.TextField()
    message_type = models.CharField(max_length=20, default="text")
    created_at = models.DateTimeField(auto_now_add=True)


class CallSession(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    caller = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="calls_made")
    receiver = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="calls_received")
    status = models.CharField(max_length=20)
    start_time = models.DateTimeField(null=True, blank=True)
    end_time = models.DateTimeField(null=True, blank=True)
    duration_seconds = models.IntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    chat_room = models.ForeignKey(ChatRoom, on_delete=models.SET_NULL, null=True, blank=True)
    parcel = models.ForeignKey("parcels.Parcel", on_delete=models.SET_NULL, null=True, blank=True)
    provider_call_id = models.CharField(max_length=64, null=True, blank=True, db_index=True)


class CallLog(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    call_session = models.ForeignKey(CallSession, on_delete=models.CASCADE, related_name="logs")
    participant = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="call_logs")
    other_participant = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="+")
    log_type = models.CharField(max_length=20)
    timestamp = models.DateTimeField(auto_now_add=True)
    duration_seconds = models.IntegerField(null=True, blank=True)
    room = models.ForeignKey(ChatRoom, on_delete=models.SET_NULL, null=True, blank=True)
