import uuid

from django.db import models


class Parcel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sender = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="parcels_sent")
    tracking_number = models.CharField(max_length=32, unique=True)
    description = models.TextField(blank=True)
    weight_kg = models.DecimalField(max_digits=8, decimal_places=2)
    status = models.CharField(max_length=20, default="pending", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
